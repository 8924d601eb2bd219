import {
  OUTBOX_NOTIFY_CHANNEL,
  buildOutboxInsert,
  createEvent,
  createOutboxRelay,
  writeToOutbox,
  type EventEnvelope,
  type EventTransport,
  type OutboxRelay,
} from '@slotwise/platform/events';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  captureLogger,
  createEventsDatabase,
  scalar,
  waitFor,
  writeEvents,
  type EventsDatabase,
} from './events-support.js';

/** A transport that records what it is given and can be told to fail or to be slow. */
class FakeTransport implements Pick<EventTransport, 'publish'> {
  received: EventEnvelope[] = [];
  failNext = 0;
  delayMs = 0;
  calls = 0;
  async publish(events: readonly EventEnvelope[]): Promise<void> {
    this.calls += 1;
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('broker unavailable');
    }
    this.received.push(...events);
  }
}

const fastBackoff = { initialMs: 20, maxMs: 100 };

describe('outbox relay', () => {
  let edb: EventsDatabase;
  let transport: FakeTransport;
  let relays: OutboxRelay[];
  const { logger, lines } = captureLogger();

  beforeAll(async () => {
    edb = await createEventsDatabase('evoutbox');
  });
  afterAll(async () => {
    await edb.close();
  });
  beforeEach(async () => {
    transport = new FakeTransport();
    relays = [];
    await edb.pool.query('TRUNCATE outbox');
  });
  afterEach(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
  });

  const startRelay = (
    options: Partial<Parameters<typeof createOutboxRelay>[0]> = {},
  ): OutboxRelay => {
    const relay = createOutboxRelay({
      pool: edb.pool,
      transport,
      logger,
      backoff: fastBackoff,
      pollIntervalMs: 200,
      ...options,
    });
    relays.push(relay);
    relay.start();
    return relay;
  };

  it('writes nothing when the caller’s transaction rolls back, through a Prisma-shaped client', async () => {
    const client = await edb.pool.connect();
    const prismaTx = {
      $executeRawUnsafe: async (query: string, ...values: unknown[]): Promise<number> =>
        (await client.query(query, values)).rowCount ?? 0,
    };
    const event = createEvent({ type: 'user.registered', aggregateId: 'u1', version: 1, data: {} });
    try {
      await client.query('BEGIN');
      await writeToOutbox(prismaTx, event);
      expect(await scalar(client as never, 'SELECT count(*) AS value FROM outbox')).toBe(1);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await scalar(edb.pool, 'SELECT count(*) AS value FROM outbox')).toBe(0);
  });

  it('builds an INSERT with shifted placeholders that folds into a CTE', async () => {
    const event = createEvent({
      type: 'user.registered',
      aggregateId: 'u2',
      version: 1,
      data: { a: 1 },
    });
    const insert = buildOutboxInsert([event], { firstParam: 2 });
    expect(insert.text).toContain('$2::uuid');
    const { rows } = await edb.pool.query<{ tag: string }>(
      `WITH o AS (${insert.text} RETURNING id) SELECT $1::text AS tag FROM o`,
      ['folded', ...insert.values],
    );
    expect(rows).toEqual([{ tag: 'folded' }]);
  });

  it('writes a folded event only when the statement’s own change happened (onlyIf)', async () => {
    const written = async (changed: boolean): Promise<number> => {
      const event = createEvent({ type: 'user.updated', aggregateId: 'u3', version: 2, data: {} });
      const insert = buildOutboxInsert([event], {
        firstParam: 2,
        onlyIf: 'EXISTS (SELECT 1 FROM u)',
      });
      await edb.pool.query(
        `WITH u AS (SELECT 1 AS id WHERE $1::boolean), o AS (${insert.text}) SELECT 1`,
        [changed, ...insert.values],
      );
      return scalar(edb.pool, `SELECT count(*) AS value FROM outbox WHERE id = '${event.id}'`);
    };
    expect(await written(false)).toBe(0);
    expect(await written(true)).toBe(1);
  });

  /** The relay marks a batch published after the transport took it: waits for every mark. */
  const allMarkedPublished = () =>
    waitFor(
      async () =>
        (await scalar(
          edb.pool,
          'SELECT count(*) AS value FROM outbox WHERE published_at IS NULL',
        )) === 0,
      { what: 'the published marks' },
    );

  it('publishes every event once, in seq order, so per-aggregate order holds, and marks them', async () => {
    const written = await writeEvents(edb.pool, { count: 300, aggregates: 7, perTransaction: 13 });
    startRelay({ batchSize: 40 });
    await waitFor(() => transport.received.length >= 300, { what: '300 events' });
    expect(transport.received.map((e) => e.id)).toEqual(written.map((e) => e.id));
    const versions = new Map<string, number>();
    for (const event of transport.received) {
      expect(event.version).toBe((versions.get(event.aggregateId) ?? 0) + 1);
      versions.set(event.aggregateId, event.version);
    }
    await allMarkedPublished();
  });

  it('wakes on the insert trigger’s NOTIFY within milliseconds, not at the next poll', async () => {
    startRelay({ pollIntervalMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 300)); // first (empty) look and LISTEN
    const started = Date.now();
    await writeEvents(edb.pool, { count: 1, aggregates: 1, perTransaction: 1 });
    await waitFor(() => transport.received.length === 1, { intervalMs: 5, what: 'the event' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('backs off while publishing fails, then publishes everything, and never logs event data', async () => {
    transport.failNext = 4;
    startRelay();
    await writeEvents(edb.pool, { count: 20, aggregates: 2, perTransaction: 5 });
    await waitFor(() => transport.received.length === 20, { what: '20 events' });
    expect(transport.failNext).toBe(0);
    await allMarkedPublished();
    expect(await scalar(edb.pool, 'SELECT max(attempts) AS value FROM outbox')).toBe(5);
    expect(lines.some((line) => line.includes('Outbox relay batch failed'))).toBe(true);
    expect(lines.join('\n')).not.toContain('secret-otp-123456');
  });

  it('deletes rows of the configured types once published and purges old published rows', async () => {
    const otp = createEvent({
      type: 'user.otp_requested',
      aggregateId: 'u3',
      version: 1,
      data: { otp: '1' },
    });
    const other = createEvent({ type: 'user.registered', aggregateId: 'u3', version: 2, data: {} });
    await writeToOutbox(edb.pool, [otp, other]);
    const relay = startRelay({ deleteAfterPublish: ['user.otp_requested'] });
    await waitFor(() => transport.received.length === 2);
    await relay.stop();
    const { rows } = await edb.pool.query<{ type: string }>('SELECT type FROM outbox');
    expect(rows).toEqual([{ type: 'user.registered' }]);

    await edb.pool.query("UPDATE outbox SET published_at = now() - interval '8 days'");
    startRelay({ retainPublishedDays: 7 });
    await waitFor(
      async () => (await scalar(edb.pool, 'SELECT count(*) AS value FROM outbox')) === 0,
      {
        what: 'the purge',
      },
    );
  });

  it('deletes every row once published when asked to (the production default)', async () => {
    await writeEvents(edb.pool, { count: 30, aggregates: 3, perTransaction: 10 });
    startRelay({ deleteAllAfterPublish: true });
    await waitFor(() => transport.received.length === 30, { what: '30 events' });
    await waitFor(
      async () => (await scalar(edb.pool, 'SELECT count(*) AS value FROM outbox')) === 0,
      {
        what: 'the deletes',
      },
    );
    expect(transport.received).toHaveLength(30);
  });

  it('notifies only an idle relay: no NOTIFY while older rows wait to be published', async () => {
    const listener = await edb.pool.connect();
    const heard: string[] = [];
    listener.on('notification', (message) => heard.push(message.channel));
    try {
      await listener.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
      const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
      await writeEvents(edb.pool, { count: 1, aggregates: 1, perTransaction: 1 });
      await settle();
      expect(heard).toHaveLength(1);
      // The first row is still unpublished (no relay runs): the relay would be busy, stay quiet.
      await writeEvents(edb.pool, { count: 5, aggregates: 1, perTransaction: 1 });
      await settle();
      expect(heard).toHaveLength(1);
      await edb.pool.query('UPDATE outbox SET published_at = now()');
      await writeEvents(edb.pool, { count: 1, aggregates: 1, perTransaction: 1 });
      await settle();
      expect(heard).toHaveLength(2);
    } finally {
      await listener.query(`UNLISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
      listener.release();
    }
  });

  it('publishes each event exactly once with two relays on one database (advisory lock)', async () => {
    startRelay({ batchSize: 10 });
    startRelay({ batchSize: 10 });
    const written = await writeEvents(edb.pool, { count: 200, aggregates: 5, perTransaction: 20 });
    await waitFor(() => transport.received.length >= 200, { what: '200 events' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(transport.received.map((e) => e.id)).toEqual(written.map((e) => e.id));
  });

  it('stop() waits for the batch in flight, which ends published, and nothing runs after it', async () => {
    transport.delayMs = 300;
    const relay = startRelay();
    await writeEvents(edb.pool, { count: 5, aggregates: 1, perTransaction: 5 });
    await waitFor(() => transport.calls > 0, { intervalMs: 5, what: 'a batch in flight' });
    await relay.stop();
    expect(transport.received).toHaveLength(5);
    expect(await relay.pending()).toBe(0);
    await writeEvents(edb.pool, { count: 1, aggregates: 1, perTransaction: 1 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(transport.received).toHaveLength(5);
    expect(await relay.flush()).toBe(1);
  });

  it('reports pending rows through the registry it is given', async () => {
    const registry = new Registry();
    createOutboxRelay({ pool: edb.pool, transport, logger, metrics: { registry } });
    await writeEvents(edb.pool, { count: 3, aggregates: 1, perTransaction: 3 });
    const metrics = await registry.getSingleMetricAsString('outbox_pending_events');
    expect(metrics).toContain('outbox_pending_events 3');
  });
});
