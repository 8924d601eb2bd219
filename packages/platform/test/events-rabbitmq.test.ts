import {
  createEvent,
  createEventTransport,
  type EventEnvelope,
  type EventTransport,
} from '@slotwise/platform/events';
import { startTcpProxy, type TcpProxy } from '@slotwise/testkit';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  concurrencyScenario,
  orderScenario,
  outageScenario,
  redeliveryScenario,
  startPipeline,
} from './events-scenarios.js';
import { captureLogger, uniquePrefix, waitFor } from './events-support.js';

const amqpUrl = process.env.AMQP_URL;

describe.runIf(amqpUrl)('RabbitMQ transport', () => {
  const { logger, lines } = captureLogger();
  const prefix = uniquePrefix();
  let proxy: TcpProxy;
  let admin: amqp.ChannelModel;
  const transports: EventTransport[] = [];

  const makeTransport = async (): Promise<EventTransport> => {
    const transport = await createEventTransport({
      amqpUrl: proxy.rewrite(amqpUrl!),
      logger,
      prefix,
      rabbitMq: { reconnect: { initialMs: 50, maxMs: 400 } },
    });
    transports.push(transport);
    await waitFor(
      async () =>
        transport.healthCheck().then(
          () => true,
          () => false,
        ),
      {
        what: 'the AMQP connection',
      },
    );
    return transport;
  };

  beforeAll(async () => {
    const url = new URL(amqpUrl!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5672) });
    admin = await amqp.connect(amqpUrl!);
  });
  afterAll(async () => {
    await Promise.all(transports.map((t) => t.close().catch(() => undefined)));
    const channel = await admin.createChannel();
    for (const consumer of ['ledger', 'audit', 'flaky']) {
      for (const suffix of ['', '.retry', '.dlq'])
        await channel.deleteQueue(`${prefix}.${consumer}${suffix}`);
    }
    await channel.deleteExchange(`${prefix}.events`);
    await admin.close();
    await proxy.close();
  });

  it('delivers 1,000 outbox events exactly once while the broker goes away and comes back', async () => {
    const pipeline = await startPipeline({ label: 'evr', logger, makeTransport });
    try {
      await outageScenario(pipeline, proxy);
      await pipeline.subscription.close();
      // A queue left empty: nothing was lost in it, nothing is stuck unacked.
      const channel = await admin.createChannel();
      const queue = await channel.checkQueue(`${prefix}.ledger`);
      expect(queue.messageCount).toBe(0);
      await channel.close();
    } finally {
      await pipeline.close();
    }
    expect(lines.join('\n')).not.toContain('secret-otp-123456');
  }, 60_000);

  it('keeps each aggregate’s events in version order end to end', async () => {
    const pipeline = await startPipeline({ label: 'evro', logger, makeTransport });
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
    const { seen, effects } = await redeliveryScenario(await makeTransport(), 'evrredo');
    expect(seen).toEqual(['user.registered#1', 'user.registered#1']);
    expect(effects).toBe(1);
  });

  it('retries through the retry queue, then dead-letters after maxAttempts failures', async () => {
    const transport = await makeTransport();
    const attempts: number[] = [];
    const subscription = await transport.subscribe(
      'flaky',
      ['flaky.*'],
      (_event, context) => {
        attempts.push(context.attempt);
        return Promise.reject(new Error('always fails'));
      },
      { retry: { maxAttempts: 3, initialDelayMs: 20, maxDelayMs: 100 } },
    );
    const channel = await admin.createChannel();
    try {
      const event = createEvent({
        type: 'flaky.happened',
        aggregateId: 'f1',
        version: 1,
        data: {},
      });
      await transport.publish([event]);
      let dead: amqp.GetMessage | false = false;
      await waitFor(
        async () => {
          dead = await channel.get(`${prefix}.flaky.dlq`, { noAck: true });
          return dead !== false;
        },
        { what: 'the dead letter' },
      );
      const message = dead as unknown as amqp.GetMessage;
      expect(attempts).toEqual([1, 2, 3]);
      expect(message.properties.headers?.['x-slotwise-attempt']).toBe(3);
      expect(message.properties.headers?.['x-slotwise-error']).toBe('always fails');
      expect((JSON.parse(message.content.toString()) as EventEnvelope).id).toBe(event.id);
    } finally {
      await channel.close();
      await subscription.close();
    }
  });

  it('closes promptly while the broker is unreachable', async () => {
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
      await transport.close();
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      proxy.restore();
    }
  });
});
