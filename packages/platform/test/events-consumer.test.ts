import {
  createEvent,
  createEventTransport,
  defineConsumer,
  handleOnce,
  on,
  type EventEnvelope,
  type EventTransport,
  type RunningConsumer,
} from '@slotwise/platform/events';
import { createTestDatabase, type TestDatabase } from '@slotwise/testkit';
import amqp from 'amqplib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  captureLogger,
  createEventsDatabase,
  scalar,
  uniquePrefix,
  waitFor,
  type EventsDatabase,
} from './events-support.js';

const entryAdded = z.object({ amount: z.number().int(), note: z.string().default('') });
const ENTRY_ADDED = 'ledger.entry_added';

/** What a test needs of a broker: a transport, and what reached a consumer's dead-letter queue. */
interface Bus {
  transport(): Promise<EventTransport>;
  /** The dead letters of `consumer`, with the attempt they were dead-lettered at. */
  deadLetters(consumer: string): Promise<{ event: EventEnvelope; attempt: number }[]>;
  close(): Promise<void>;
}

type Logger = ReturnType<typeof captureLogger>['logger'];

async function pgBossBus(prefix: string, logger: Logger): Promise<Bus> {
  const eventsDb: TestDatabase = await createTestDatabase({ label: 'evconsumer' });
  const pool = new pg.Pool({ connectionString: eventsDb.url, max: 2 });
  const transports: EventTransport[] = [];
  const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[]) =>
    (await pool.query<T>(text, values)).rows;
  return {
    transport: async () => {
      const transport = await createEventTransport({
        eventsDatabaseUrl: eventsDb.url,
        logger,
        prefix,
        pgBoss: { pollIntervalMs: 200 },
      });
      transports.push(transport);
      return transport;
    },
    deadLetters: async (consumer: string) => {
      const dead = await query<{ data: EventEnvelope }>(
        `SELECT data FROM pgboss.job WHERE name = $1`,
        [`${prefix}.${consumer}.dlq`],
      );
      // The original job stays, failed, with the retries it took.
      return Promise.all(
        dead.map(async ({ data }) => {
          const [original] = await query<{ retry_count: number }>(
            `SELECT retry_count FROM pgboss.job WHERE name = $1 AND data->>'id' = $2`,
            [`${prefix}.${consumer}`, data.id],
          );
          return { event: data, attempt: (original?.retry_count ?? -1) + 1 };
        }),
      );
    },
    close: async () => {
      await Promise.all(transports.map((t) => t.close()));
      await pool.end();
      await eventsDb.drop();
    },
  } satisfies Bus;
}

async function rabbitBus(url: string, prefix: string, logger: Logger): Promise<Bus> {
  const admin = await amqp.connect(url);
  const channel = await admin.createChannel();
  const transports: EventTransport[] = [];
  const dead = new Map<string, { event: EventEnvelope; attempt: number }[]>();
  return {
    transport: async () => {
      const transport = await createEventTransport({ amqpUrl: url, logger, prefix });
      transports.push(transport);
      await waitFor(() =>
        transport.healthCheck().then(
          () => true,
          () => false,
        ),
      );
      return transport;
    },
    deadLetters: async (consumer: string) => {
      const list = dead.get(consumer) ?? [];
      for (;;) {
        const message = await channel.get(`${prefix}.${consumer}.dlq`, { noAck: true });
        if (message === false) break;
        list.push({
          event: JSON.parse(message.content.toString()) as EventEnvelope,
          attempt: Number(message.properties.headers?.['x-slotwise-attempt']),
        });
      }
      dead.set(consumer, list);
      return list;
    },
    close: async () => {
      await Promise.all(transports.map((t) => t.close()));
      for (const consumer of ['once', 'strict', 'flaky']) {
        for (const suffix of ['', '.retry', '.dlq'])
          await channel.deleteQueue(`${prefix}.${consumer}${suffix}`);
      }
      await channel.deleteExchange(`${prefix}.events`);
      await admin.close();
    },
  } satisfies Bus;
}

const amqpUrl = process.env.AMQP_URL;
const buses: [string, boolean][] = [
  ['pg-boss', true],
  ['RabbitMQ', Boolean(amqpUrl)],
];

describe.each(buses)('defineConsumer on %s', (kind, available) => {
  const { logger, lines } = captureLogger();
  const prefix = uniquePrefix();
  let bus: Bus;
  let edb: EventsDatabase;
  let transport: EventTransport;
  const running: RunningConsumer[] = [];

  beforeAll(async () => {
    if (!available) return;
    bus =
      kind === 'pg-boss'
        ? await pgBossBus(prefix, logger)
        : await rabbitBus(amqpUrl!, prefix, logger);
    edb = await createEventsDatabase('evdefine');
    transport = await bus.transport();
  });
  afterAll(async () => {
    if (!available) return;
    await Promise.all(running.map((c) => c.close()));
    await bus.close();
    await edb.close();
  });

  const entry = (amount: unknown, aggregateId = 'acc-1'): EventEnvelope =>
    createEvent({ type: ENTRY_ADDED, aggregateId, version: 1, data: { amount } });
  /** What `consumer` logged about the event (every consumer here binds the same type). */
  const logged = (consumer: string, eventId: string, msg: string): { attempt?: number }[] =>
    lines
      .map(
        (line) =>
          JSON.parse(line) as {
            msg: string;
            consumer?: string;
            eventId?: string;
            attempt?: number;
          },
      )
      .filter((l) => l.consumer === consumer && l.eventId === eventId && l.msg.startsWith(msg));

  it.runIf(available)('handles a valid event once, also when it is delivered again', async () => {
    const amounts: number[] = [];
    const consumer = defineConsumer({
      name: 'once',
      inbox: edb.pool,
      events: {
        [ENTRY_ADDED]: {
          schema: entryAdded,
          handle: async (data, event, { tx }) => {
            expectTypeOf(data).toEqualTypeOf<{ amount: number; note: string }>();
            expectTypeOf(tx).toEqualTypeOf<pg.PoolClient>();
            amounts.push(data.amount);
            await tx.query(
              'INSERT INTO effects (event_id, aggregate_id, version) VALUES ($1, $2, $3)',
              [event.id, event.aggregateId, event.version],
            );
          },
        },
      },
    });
    running.push(await consumer.start({ transport, db: edb.pool, logger }));
    const event = entry(7);
    await transport.publish([event]);
    await transport.publish([event]);

    await waitFor(() => logged('once', event.id, 'Event already handled').length === 1, {
      what: 'the redelivery',
    });
    expect(amounts).toEqual([7]);
    const effects = `SELECT count(*) AS value FROM effects WHERE event_id = '${event.id}'`;
    expect(await scalar(edb.pool, effects)).toBe(1);
    const inbox = `SELECT count(*) AS value FROM inbox WHERE event_id = '${event.id}'`;
    expect(await scalar(edb.pool, inbox)).toBe(1);
  });

  it.runIf(available)(
    'dead-letters data that breaks its schema at once, without a retry or a call to the handler',
    async () => {
      const handled: unknown[] = [];
      const consumer = defineConsumer({
        name: 'strict',
        events: { [ENTRY_ADDED]: on(entryAdded, async (data) => void handled.push(data)) },
        retry: { maxAttempts: 5, initialDelayMs: 10 },
      });
      running.push(await consumer.start({ transport, db: edb.pool, logger }));
      const broken = entry('not a number, and a secret 123456');
      await transport.publish([broken, entry(1, 'acc-2')]);

      await waitFor(async () => (await bus.deadLetters('strict')).length === 1, {
        what: 'the dead letter',
      });
      await waitFor(() => handled.length === 1, { what: 'the valid event' });
      const [dead] = await bus.deadLetters('strict');
      expect(dead).toMatchObject({ event: { id: broken.id }, attempt: 1 });
      expect(logged('strict', broken.id, 'Event cannot be handled')).toEqual([
        expect.objectContaining({ attempt: 1 }),
      ]);
      expect(logged('strict', broken.id, 'Event handler failed')).toEqual([]);
      // The field is named, its value is not.
      const line = lines.find((l) => l.includes(broken.id) && l.includes('"consumer":"strict"'));
      expect(line).toContain('Invalid ledger.entry_added data: amount');
      expect(line).not.toContain('123456');
      expect(handled).toEqual([{ amount: 1, note: '' }]);
    },
  );

  it.runIf(available)(
    'retries a handler that fails, then dead-letters the event after the last attempt',
    async () => {
      const attempts: number[] = [];
      const consumer = defineConsumer({
        name: 'flaky',
        events: {
          [ENTRY_ADDED]: on(entryAdded, async (_data, _event, { attempt }) => {
            attempts.push(attempt);
            throw new Error('ledger closed');
          }),
        },
        retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 50 },
      });
      running.push(await consumer.start({ transport, db: edb.pool, logger }));
      const event = entry(3);
      await transport.publish([event]);

      await waitFor(async () => (await bus.deadLetters('flaky')).length === 1, {
        what: 'the dead letter',
        timeoutMs: 30_000,
      });
      expect(attempts).toEqual([1, 2, 3]);
      expect((await bus.deadLetters('flaky'))[0]).toMatchObject({
        event: { id: event.id },
        attempt: 3,
      });
    },
  );
});

describe('defineConsumer', () => {
  const { logger } = captureLogger();
  const context = { attempt: 1, logger };

  it('deletes inbox rows older than its retention on its own schedule, and keeps newer ones', async () => {
    const prefix = uniquePrefix();
    const bus = await pgBossBus(prefix, logger);
    const edb = await createEventsDatabase('evretain');
    try {
      await edb.pool.query(`
        INSERT INTO inbox (event_id, type, processed_at) VALUES
          ('00000000-0000-4000-8000-000000000001', 'ledger.entry_added', now() - interval '15 days'),
          ('00000000-0000-4000-8000-000000000002', 'ledger.entry_added', now() - interval '13 days')`);
      const consumer = defineConsumer({
        name: 'tidy',
        events: { [ENTRY_ADDED]: on(entryAdded, async () => undefined) },
        inboxRetention: { everyMs: 100 },
      });
      const running = await consumer.start({
        transport: await bus.transport(),
        db: edb.pool,
        logger,
      });

      const old = `SELECT count(*) AS value FROM inbox
        WHERE event_id = '00000000-0000-4000-8000-000000000001'`;
      await waitFor(async () => (await scalar(edb.pool, old)) === 0, { what: 'the retention' });
      const recent = `SELECT count(*) AS value FROM inbox
        WHERE event_id = '00000000-0000-4000-8000-000000000002'`;
      expect(await scalar(edb.pool, recent)).toBe(1);
      await running.close();
    } finally {
      await bus.close();
      await edb.close();
    }
  });

  it('runs each handler inside a repository store’s inbox, handing it the store’s repositories', async () => {
    const edb = await createEventsDatabase('evstore');
    try {
      /** A service's store as resource's is: repositories bound to the inbox's transaction. */
      const store = {
        onceForEvent: <R>(
          event: Pick<EventEnvelope, 'id' | 'type'>,
          work: (repos: { effects: { add(id: string): Promise<void> } }) => Promise<R>,
        ) =>
          handleOnce(edb.pool, event, (client) =>
            work({
              effects: {
                add: async (id) => {
                  await client.query(
                    "INSERT INTO effects (event_id, aggregate_id, version) VALUES ($1, 'a', 1)",
                    [id],
                  );
                },
              },
            }),
          ),
      };
      const consumer = defineConsumer({
        name: 'stored',
        inbox: store,
        events: {
          [ENTRY_ADDED]: {
            schema: entryAdded,
            handle: (_data, event, { tx }) => tx.effects.add(event.id),
          },
        },
      });
      const event = entry2(ENTRY_ADDED);
      await consumer.handle(event, context);
      await consumer.handle(event, context);
      expect(await scalar(edb.pool, 'SELECT count(*) AS value FROM effects')).toBe(1);
      expect(await scalar(edb.pool, 'SELECT count(*) AS value FROM inbox')).toBe(1);
    } finally {
      await edb.close();
    }
  });

  it('acknowledges an event type it has no entry for, and refuses a consumer with none', async () => {
    const seen: string[] = [];
    const consumer = defineConsumer({
      name: 'audit',
      events: { [ENTRY_ADDED]: on(entryAdded, async (_data, event) => void seen.push(event.type)) },
    });
    expect(consumer.eventTypes).toEqual([ENTRY_ADDED]);
    await consumer.handle(entry2('ledger.closed'), context);
    await consumer.handle(entry2(ENTRY_ADDED), context);
    expect(seen).toEqual([ENTRY_ADDED]);
    expect(() => defineConsumer({ name: 'idle', events: {} })).toThrow(/handles no event type/);
  });
});

function entry2(type: string): EventEnvelope {
  return createEvent({ type, aggregateId: 'a', version: 1, data: { amount: 1 } });
}
