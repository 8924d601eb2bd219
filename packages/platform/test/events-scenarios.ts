import {
  createEvent,
  createOutboxRelay,
  type EventTransport,
  type OutboxRelay,
  type Subscription,
  type SubscribeOptions,
} from '@slotwise/platform/events';
import type { Logger } from '@slotwise/platform/logger';
import type { TcpProxy } from '@slotwise/testkit';
import { expect } from 'vitest';
import {
  createEventsDatabase,
  recordingHandler,
  scalar,
  waitFor,
  writeEvents,
  type EventsDatabase,
} from './events-support.js';

/**
 * The end-to-end scenarios both transports must pass: a service database with an outbox and a
 * relay, a consumer database with an inbox, and a broker reached through a proxy the test cuts.
 */
export interface Pipeline {
  service: EventsDatabase;
  consumer: EventsDatabase;
  publisher: EventTransport;
  subscriber: EventTransport;
  relay: OutboxRelay;
  subscription: Subscription;
  close(): Promise<void>;
}

export async function startPipeline(options: {
  label: string;
  logger: Logger;
  /** Each call makes a transport of its own, as two services would. */
  makeTransport: () => Promise<EventTransport>;
  subscribeOptions?: SubscribeOptions;
}): Promise<Pipeline> {
  const service = await createEventsDatabase(`${options.label}svc`);
  const consumer = await createEventsDatabase(`${options.label}con`);
  const publisher = await options.makeTransport();
  const subscriber = await options.makeTransport();
  const subscription = await subscriber.subscribe(
    'ledger',
    ['ledger.*'],
    recordingHandler(consumer.pool),
    options.subscribeOptions,
  );
  const relay = createOutboxRelay({
    pool: service.pool,
    transport: publisher,
    logger: options.logger,
    batchSize: 50,
    pollIntervalMs: 500,
    backoff: { initialMs: 50, maxMs: 400 },
  });
  relay.start();
  return {
    service,
    consumer,
    publisher,
    subscriber,
    relay,
    subscription,
    async close(): Promise<void> {
      await relay.stop();
      await subscription.close();
      await Promise.all([publisher.close(), subscriber.close()]);
      await Promise.all([service.close(), consumer.close()]);
    },
  };
}

/**
 * 1,000 events; the broker goes away for `outageMs` once half of them are written and comes back.
 * Every event must reach the consumer and take effect exactly once.
 */
export async function outageScenario(
  pipeline: Pipeline,
  proxy: TcpProxy,
  outageMs = 1_500,
): Promise<void> {
  const { service, consumer, publisher } = pipeline;
  let outage: Promise<void> | undefined;
  let healthDuringOutage: unknown;
  await writeEvents(service.pool, {
    count: 1_000,
    aggregates: 10,
    perTransaction: 50,
    onProgress: (written) => {
      if (written !== 500) return;
      proxy.cut();
      outage = (async (): Promise<void> => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        healthDuringOutage = await publisher.healthCheck().then(
          () => 'healthy',
          (error: unknown) => error,
        );
        await new Promise((resolve) => setTimeout(resolve, outageMs - 200));
        proxy.restore();
      })();
    },
  });
  await outage;
  expect(healthDuringOutage).toBeInstanceOf(Error);

  const effects = (): Promise<number> =>
    scalar(consumer.pool, 'SELECT count(*) AS value FROM effects');
  await waitFor(async () => (await effects()) >= 1_000, {
    timeoutMs: 40_000,
    what: '1,000 effects',
  });
  // Late redeliveries (unacked before the cut) must change nothing.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await effects()).toBe(1_000);
  expect(await scalar(consumer.pool, 'SELECT count(DISTINCT event_id) AS value FROM effects')).toBe(
    1_000,
  );
  expect(await scalar(consumer.pool, 'SELECT count(*) AS value FROM inbox')).toBe(1_000);
  expect(await pipeline.relay.pending()).toBe(0);
  // The publisher did meet the outage: some batches needed more than one attempt.
  expect(await scalar(service.pool, 'SELECT max(attempts) AS value FROM outbox')).toBeGreaterThan(
    1,
  );
  await expect(publisher.healthCheck()).resolves.toBeUndefined();
}

/** Without failures, each aggregate's events take effect in version order; returns the count. */
export async function orderScenario(pipeline: Pipeline): Promise<number> {
  await writeEvents(pipeline.service.pool, { count: 200, aggregates: 4, perTransaction: 25 });
  const { pool } = pipeline.consumer;
  await waitFor(async () => (await scalar(pool, 'SELECT count(*) AS value FROM effects')) >= 200, {
    what: '200 effects',
  });
  const { rows } = await pool.query<{ aggregate_id: string; version: number }>(
    'SELECT aggregate_id, version FROM effects ORDER BY n',
  );
  const last = new Map<string, number>();
  for (const row of rows) {
    expect(row.version).toBe((last.get(row.aggregate_id) ?? 0) + 1);
    last.set(row.aggregate_id, row.version);
  }
  return rows.length;
}

/**
 * Publishes one `user.registered` twice and an unrelated `booking.created` to a consumer bound to
 * `user.#`: it must see the user event on both deliveries (first attempt each) and apply it once.
 */
export async function redeliveryScenario(
  transport: EventTransport,
  label: string,
): Promise<{ seen: string[]; effects: number }> {
  const consumer = await createEventsDatabase(label);
  const seen: string[] = [];
  const record = recordingHandler(consumer.pool);
  const subscription = await transport.subscribe('audit', ['user.#'], async (event, context) => {
    seen.push(`${event.type}#${context.attempt}`);
    await record(event, context);
  });
  try {
    const event = createEvent({ type: 'user.registered', aggregateId: 'u1', version: 1, data: {} });
    const unrelated = createEvent({
      type: 'booking.created',
      aggregateId: 'b1',
      version: 1,
      data: {},
    });
    await transport.publish([event, unrelated]);
    await transport.publish([event]);
    await waitFor(() => seen.length === 2, { what: 'two deliveries' });
    // Time for a wrongly routed or third delivery to show up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { seen, effects: await scalar(consumer.pool, 'SELECT count(*) AS value FROM effects') };
  } finally {
    await subscription.close();
    await consumer.close();
  }
}

/**
 * Subscribes with `concurrency: 3` and publishes 4 events of each of 4 aggregates at once, each
 * handled slowly: events of different aggregates must overlap (never more than 3 at a time), and
 * each aggregate's must run one after another, in version order. Returns the count handled.
 */
export async function concurrencyScenario(transport: EventTransport): Promise<number> {
  let active = 0;
  let maxActive = 0;
  const running = new Set<string>();
  const orders = new Map<string, number[]>();
  const subscription = await transport.subscribe(
    'lanes',
    ['lane.*'],
    async (event) => {
      // Two events of one aggregate must never run together.
      expect(running.has(event.aggregateId)).toBe(false);
      running.add(event.aggregateId);
      active += 1;
      maxActive = Math.max(maxActive, active);
      await new Promise((resolve) => setTimeout(resolve, 40));
      orders.set(event.aggregateId, [...(orders.get(event.aggregateId) ?? []), event.version]);
      active -= 1;
      running.delete(event.aggregateId);
    },
    { concurrency: 3 },
  );
  try {
    const events = [1, 2, 3, 4].flatMap((version) =>
      ['a', 'b', 'c', 'd'].map((aggregateId) =>
        createEvent({ type: 'lane.moved', aggregateId, version, data: {} }),
      ),
    );
    await transport.publish(events);
    await waitFor(() => [...orders.values()].flat().length === 16, { what: '16 handled events' });
    expect(maxActive).toBe(3);
    expect(Object.fromEntries(orders)).toEqual({
      a: [1, 2, 3, 4],
      b: [1, 2, 3, 4],
      c: [1, 2, 3, 4],
      d: [1, 2, 3, 4],
    });
    return [...orders.values()].flat().length;
  } finally {
    await subscription.close();
  }
}
