import type pg from 'pg';
import type { Logger } from '../logger/index.js';
import { backoffDelay, DEFAULT_BACKOFF, sleep, Waker, type BackoffOptions } from './backoff.js';
import { eventLogFields } from './envelope.js';
import {
  createOutboxMetrics,
  type OutboxMetrics,
  type OutboxMetricsOptions,
} from './outbox-metrics.js';
import {
  countUnpublished,
  DEFAULT_RELAY_LOCK_KEY,
  markPublished,
  purgePublished,
  readUnpublished,
  recordFailure,
  tryRelayLock,
} from './outbox-store.js';
import { startPgListener, type PgListener } from './pg-listener.js';
import { OUTBOX_NOTIFY_CHANNEL } from './schema-sql.js';
import type { EventTransport } from './transport.js';

export interface OutboxRelayOptions {
  /** The service's own pool; the relay holds one connection for LISTEN and one per batch. */
  pool: pg.Pool;
  transport: Pick<EventTransport, 'publish'>;
  logger: Logger;
  batchSize?: number;
  /** How often to look for rows when no notification comes (a missed NOTIFY, LISTEN down). */
  pollIntervalMs?: number;
  /** Delays between attempts while publishing fails. */
  backoff?: BackoffOptions;
  /** Event types whose rows are deleted once published (they carry secrets, e.g. an OTP). */
  deleteAfterPublish?: readonly string[];
  /**
   * Delete every row once published instead of marking it (the outbox is a hand-over buffer:
   * the broker and the consumers hold the events after that). Marking rewrites the row, payload
   * included, which costs as much as the original insert.
   */
  deleteAllAfterPublish?: boolean;
  /** Delete published rows older than this many days; unset keeps them. */
  retainPublishedDays?: number;
  purgeIntervalMs?: number;
  /** Wake on the outbox trigger's NOTIFY (default); false leaves only polling. */
  listen?: boolean;
  lockKey?: bigint;
  metrics?: OutboxMetricsOptions;
}

export interface OutboxRelay {
  /** Starts relaying in the background; never throws and never rejects. */
  start(): void;
  /** Stops after the batch in flight, if any, is published and marked. */
  stop(): Promise<void>;
  /** Publishes until nothing is pending (graceful shutdown, scripts); throws if publishing fails. */
  flush(): Promise<number>;
  /** Rows not yet published. */
  pending(): Promise<number>;
}

type BatchOutcome = { leader: false } | { leader: true; count: number };

/**
 * Publishes the outbox through the transport at least once, in `seq` order. Batches are
 * serialised across instances by an advisory lock, so per-aggregate order holds with any number
 * of service instances; a failed batch is retried whole (duplicates are the inbox's job).
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  return new Relay(options);
}

class Relay implements OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly backoff: BackoffOptions;
  private readonly deleteTypes: ReadonlySet<string>;
  private readonly lockKey: bigint;
  private readonly log: Logger;
  private readonly metrics: OutboxMetrics | undefined;
  private readonly waker = new Waker();
  private abort = new AbortController();
  private running: Promise<void> | undefined;
  private listener: PgListener | undefined;
  private nextPurgeAt = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.deleteTypes = new Set(options.deleteAfterPublish ?? []);
    this.lockKey = options.lockKey ?? DEFAULT_RELAY_LOCK_KEY;
    this.log = options.logger.child({ component: 'outbox-relay' });
    this.metrics = options.metrics && createOutboxMetrics(options.pool, options.metrics);
  }

  start(): void {
    if (this.running) return;
    this.abort = new AbortController();
    if (this.options.listen !== false) {
      this.listener = startPgListener({
        pool: this.options.pool,
        channel: OUTBOX_NOTIFY_CHANNEL,
        logger: this.log,
        onNotify: () => this.waker.wake(),
        backoff: this.backoff,
      });
    }
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.waker.wake();
    await this.running;
    await this.listener?.close();
    this.running = undefined;
    this.listener = undefined;
  }

  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const outcome = await this.runBatch();
      if (!outcome.leader) {
        // Another instance is mid-batch; its lock lasts one batch.
        await sleep(50);
        continue;
      }
      total += outcome.count;
      if (outcome.count < this.batchSize) return total;
    }
  }

  pending(): Promise<number> {
    return countUnpublished(this.options.pool);
  }

  private async loop(): Promise<void> {
    let failures = 0;
    const signal = this.abort.signal;
    while (!signal.aborted) {
      try {
        const outcome = await this.runBatch();
        failures = 0;
        // Drain while there is anything: rows that arrived during a batch do not wake the relay
        // (the outbox trigger only notifies an idle relay), so look again before waiting.
        if (outcome.leader && outcome.count > 0) continue;
        await this.purgeIfDue();
        await this.waker.wait(this.pollIntervalMs);
      } catch (error) {
        failures += 1;
        const delayMs = backoffDelay(failures, this.backoff);
        this.log.warn({ err: error, failures, retryInMs: delayMs }, 'Outbox relay batch failed');
        // Notifications do not cut a backoff short: new rows must not hammer a broker that is down.
        await sleep(delayMs, signal);
      }
    }
  }

  private async runBatch(): Promise<BatchOutcome> {
    const client = await this.options.pool.connect();
    let inTransaction = false;
    let publishFailure: Error | undefined;
    let broken: Error | undefined;
    const end = async (command: 'COMMIT' | 'ROLLBACK'): Promise<void> => {
      inTransaction = false;
      await client.query(command);
    };
    try {
      await client.query('BEGIN');
      inTransaction = true;
      if (!(await tryRelayLock(client, this.lockKey))) {
        await end('ROLLBACK');
        return { leader: false };
      }
      const rows = await readUnpublished(client, this.batchSize);
      if (rows.length === 0) {
        await end('COMMIT');
        return { leader: true, count: 0 };
      }
      publishFailure = await this.options.transport.publish(rows.map((row) => row.payload)).then(
        () => undefined,
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      );
      if (publishFailure) {
        const first = rows[0]!;
        this.log.debug(
          { ...eventLogFields(first.payload), attempts: first.attempts },
          'Publish failed',
        );
        await recordFailure(client, rows, publishFailure.message);
        await end('COMMIT');
        this.metrics?.failed();
        throw publishFailure;
      }
      await markPublished(
        client,
        rows,
        this.deleteTypes,
        this.options.deleteAllAfterPublish ?? false,
      );
      await end('COMMIT');
      this.metrics?.published(rows.length);
      this.log.debug(
        { count: rows.length, lastSeq: rows[rows.length - 1]?.seq },
        'Outbox published',
      );
      return { leader: true, count: rows.length };
    } catch (error) {
      if (error !== publishFailure || inTransaction) {
        // The database failed us: discard the connection rather than risk reusing a broken one.
        broken = error instanceof Error ? error : new Error(String(error));
        if (inTransaction) await client.query('ROLLBACK').catch(() => undefined);
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private async purgeIfDue(): Promise<void> {
    const days = this.options.retainPublishedDays;
    if (days === undefined || Date.now() < this.nextPurgeAt) return;
    this.nextPurgeAt = Date.now() + (this.options.purgeIntervalMs ?? 3_600_000);
    const purged = await purgePublished(this.options.pool, days);
    if (purged > 0) this.log.info({ purged, olderThanDays: days }, 'Purged published outbox rows');
  }
}
