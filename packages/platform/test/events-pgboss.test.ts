import {
  createEvent,
  createPgBossTransport,
  type EventTransport,
  type PgBossTransportOptions,
} from '@slotwise/platform/events';
import {
  createTestDatabase,
  startTcpProxy,
  type TcpProxy,
  type TestDatabase,
} from '@slotwise/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  concurrencyScenario,
  orderScenario,
  outageScenario,
  redeliveryScenario,
  startPipeline,
} from './events-scenarios.js';
import { captureLogger, scalar, uniquePrefix, waitFor } from './events-support.js';

describe('pg-boss transport', () => {
  const { logger, lines } = captureLogger();
  const prefix = uniquePrefix();
  let eventsDb: TestDatabase;
  let proxy: TcpProxy;
  let eventsPool: pg.Pool;
  const transports: EventTransport[] = [];

  const makeTransport = async (
    overrides: Partial<PgBossTransportOptions> = {},
  ): Promise<EventTransport> => {
    const transport = await createPgBossTransport({
      connectionString: proxy.rewrite(eventsDb.url),
      logger,
      prefix,
      pollIntervalMs: 200,
      // Short, so a job whose fetch answer died with the connection is retried within the test.
      jobTimeoutSeconds: 3,
      maintenanceIntervalSeconds: 1,
      ...overrides,
    });
    transports.push(transport);
    return transport;
  };

  beforeAll(async () => {
    eventsDb = await createTestDatabase({ label: 'evboss' });
    const url = new URL(eventsDb.url);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port) });
    eventsPool = new pg.Pool({ connectionString: eventsDb.url, max: 2 });
    await (await makeTransport()).close(); // installs pg-boss's schema once, before any race
  });
  afterAll(async () => {
    await Promise.all(transports.map((t) => t.close().catch(() => undefined)));
    await eventsPool.end();
    await proxy.close();
    await eventsDb.drop();
  });

  it('delivers 1,000 outbox events exactly once across an events-database outage', async () => {
    const pipeline = await startPipeline({
      label: 'evb',
      logger,
      makeTransport: () => makeTransport(),
    });
    try {
      await outageScenario(pipeline, proxy);
    } finally {
      await pipeline.close();
    }
    expect(lines.join('\n')).not.toContain('secret-otp-123456');
  }, 60_000);

  it('keeps each aggregate’s events in version order end to end', async () => {
    const pipeline = await startPipeline({
      label: 'evbo',
      logger,
      makeTransport: () => makeTransport(),
    });
    try {
      expect(await orderScenario(pipeline)).toBe(200);
    } finally {
      await pipeline.close();
    }
  });

  it('handles events of different aggregates side by side, each aggregate in order', async () => {
    expect(await concurrencyScenario(await makeTransport())).toBe(16);
  });

  it('treats a redelivered event as a no-op and routes by topic pattern', async () => {
    const { seen, effects } = await redeliveryScenario(await makeTransport(), 'evbredo');
    expect(seen).toEqual(['user.registered#1', 'user.registered#1']);
    expect(effects).toBe(1);
    // Handled jobs are deleted, not kept with their payload in pg-boss's tables.
    const left = `SELECT count(*) AS value FROM pgboss.job WHERE name = '${prefix}.audit'`;
    await waitFor(async () => (await scalar(eventsPool, left)) === 0, { what: 'job deletion' });
  });

  it('dead-letters an event whose handler fails maxAttempts times', async () => {
    const transport = await makeTransport();
    const attempts: number[] = [];
    const subscription = await transport.subscribe(
      'flaky',
      ['flaky.*'],
      (_event, context) => {
        attempts.push(context.attempt);
        return Promise.reject(new Error('always fails'));
      },
      { retry: { maxAttempts: 3, initialDelayMs: 0 } },
    );
    try {
      const event = createEvent({
        type: 'flaky.happened',
        aggregateId: 'f1',
        version: 1,
        data: {},
      });
      await transport.publish([event]);
      const dead = (): Promise<number> =>
        scalar(
          eventsPool,
          `SELECT count(*) AS value FROM pgboss.job WHERE name = '${prefix}.flaky.dlq'`,
        );
      await waitFor(async () => (await dead()) === 1, { what: 'the dead letter' });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(attempts).toEqual([1, 2, 3]);
      const { rows } = await eventsPool.query<{ data: { id: string } }>(
        `SELECT data FROM pgboss.job WHERE name = '${prefix}.flaky.dlq'`,
      );
      expect(rows[0]?.data.id).toBe(event.id);
    } finally {
      await subscription.close();
    }
  });

  it('closes promptly while the events database is unreachable', async () => {
    const transport = await makeTransport();
    await transport.subscribe('audit', ['user.#'], () => Promise.resolve());
    proxy.cut();
    try {
      const started = Date.now();
      await expect(
        transport.publish([
          createEvent({ type: 'user.x', aggregateId: 'a', version: 1, data: {} }),
        ]),
      ).rejects.toThrow();
      await expect(transport.healthCheck()).rejects.toThrow();
      await transport.close();
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      proxy.restore();
    }
  });
});
