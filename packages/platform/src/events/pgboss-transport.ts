import PgBoss from 'pg-boss';
import pg from 'pg';
import type { Logger } from '../logger/index.js';
import type { EventEnvelope } from './envelope.js';
import { PgBossConsumer, type PgBossContext } from './pgboss-consumer.js';
import { startPgListener, type PgListener } from './pg-listener.js';
import {
  assertConsumerName,
  matchesTopic,
  resolveRetry,
  type EventTransport,
  type Subscription,
} from './transport.js';
import { uuidV7 } from './uuid-v7.js';

export interface PgBossTransportOptions {
  /** The events database (not a service's own database). */
  connectionString: string;
  logger: Logger;
  /** Names the queues (`<prefix>.<consumer>`, `<prefix>.<consumer>.dlq`) and the NOTIFY channel. */
  prefix?: string;
  /** pg-boss's schema in the events database. */
  schema?: string;
  /** pg-boss's pool size. */
  max?: number;
  /** Consumers look for jobs this often when no notification comes, and for delayed retries. */
  pollIntervalMs?: number;
  /**
   * A job still active after this long is failed and retried: the consumer died, or a fetch's
   * answer was lost on a broken connection (pg-boss would otherwise leave it active for good).
   */
  jobTimeoutSeconds?: number;
  /** How often pg-boss's supervisor expires and archives jobs. */
  maintenanceIntervalSeconds?: number;
}

/**
 * pg-boss in its own database. Fan-out is pg-boss's: one queue per consumer and a subscription
 * row per (pattern, queue); but the publish is ours, because pg-boss's `publish` swallows errors
 * (no confirm) and matches event names exactly. Here every matching queue gets its job in ONE
 * INSERT, so a batch is either wholly enqueued or the call throws, and patterns follow the AMQP
 * topic rules the RabbitMQ transport uses. Jobs are announced with NOTIFY so consumers wake in
 * milliseconds (the installed pg-boss has no LISTEN/NOTIFY support of its own).
 */
export async function createPgBossTransport(
  options: PgBossTransportOptions,
): Promise<EventTransport> {
  const log = options.logger.child({ component: 'pg-boss' });
  const schema = options.schema ?? 'pgboss';
  const prefix = options.prefix ?? 'slotwise';
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(schema)) throw new Error(`Bad pg-boss schema ${schema}`);
  const channel = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_jobs`.slice(0, 63);

  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema,
    max: options.max ?? 5,
    application_name: 'slotwise-events',
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  // pg-boss reports background failures (maintenance during an outage) as events, not throws.
  boss.on('error', (err: Error) => log.warn({ err }, 'pg-boss background error'));
  await boss.start();

  // A small pool of our own for NOTIFY, LISTEN and the health check.
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 3 });
  pool.on('error', () => undefined);

  const consumers = new Set<PgBossConsumer>();
  const listener: PgListener = startPgListener({
    pool,
    channel,
    logger: log,
    onNotify: (queue) => {
      for (const consumer of consumers) consumer.notify(queue);
    },
  });
  const context: PgBossContext = {
    boss,
    schema,
    logger: log,
    queue: (consumer) => `${prefix}.${consumer}`,
    pollIntervalMs: options.pollIntervalMs ?? 1_000,
    jobTimeoutSeconds: options.jobTimeoutSeconds ?? 900,
  };

  return {
    kind: 'pg-boss',
    async publish(events): Promise<void> {
      if (events.length === 0) return;
      const { rows } = await pool.query<{ event: string; name: string }>(
        `SELECT event, name FROM ${schema}.subscription`,
      );
      const jobs: PgBoss.JobInsert<EventEnvelope>[] = [];
      for (const event of events) {
        const queues = new Set(
          rows.filter((r) => matchesTopic(r.event, event.type)).map((r) => r.name),
        );
        for (const name of queues) jobs.push({ id: uuidV7(), name, data: event });
      }
      if (jobs.length === 0) return;
      await boss.insert(jobs);
      const woken = [...new Set(jobs.map((job) => job.name))];
      // Best effort: a lost wake-up costs one polling interval, not an event.
      await pool
        .query('SELECT pg_notify($1, q) FROM unnest($2::text[]) AS q', [channel, woken])
        .catch((err: unknown) => log.debug({ err }, 'NOTIFY after publish failed'));
    },
    async subscribe(consumerName, patterns, handler, subscribeOptions = {}): Promise<Subscription> {
      assertConsumerName(consumerName);
      const consumer = new PgBossConsumer(context, consumerName, patterns, handler, {
        retry: resolveRetry(subscribeOptions.retry),
        batchSize: subscribeOptions.prefetch ?? 20,
        concurrency: subscribeOptions.concurrency ?? 1,
      });
      await consumer.setUp();
      consumers.add(consumer);
      consumer.start();
      return {
        consumer: consumerName,
        close: async () => {
          consumers.delete(consumer);
          await consumer.close();
        },
      };
    },
    healthCheck: async (): Promise<void> => {
      await pool.query('SELECT 1');
    },
    async close(): Promise<void> {
      await Promise.all([...consumers].map((consumer) => consumer.close()));
      consumers.clear();
      await listener.close();
      await boss.stop({ graceful: false, wait: true });
      await pool.end();
    },
  };
}
