import type PgBoss from 'pg-boss';
import type { Logger } from '../logger/index.js';
import { backoffDelay, DEFAULT_BACKOFF, sleep, Waker } from './backoff.js';
import { eventLogFields, parseEventEnvelope } from './envelope.js';
import { aggregateOf, AggregateLanes } from './lanes.js';
import { UnprocessableEventError, type EventHandler, type RetryPolicy } from './transport.js';

export interface PgBossContext {
  boss: PgBoss;
  /** pg-boss's schema, for the one query pg-boss has no API for. */
  schema: string;
  logger: Logger;
  queue(consumer: string): string;
  pollIntervalMs: number;
  jobTimeoutSeconds: number;
}

interface ConsumerOptions {
  retry: RetryPolicy;
  batchSize: number;
  concurrency: number;
}

/**
 * One consuming service's pg-boss queue. pg-boss's own `work()` loop is not used: it fires
 * `complete`/`fail` without awaiting them (an unhandled rejection when the database drops) and
 * hides fetch errors. This loop awaits everything, backs off while the database is unreachable,
 * and handles a batch's jobs in order: one by one, or with `concurrency` above 1 those of
 * different aggregates side by side (`AggregateLanes`).
 *
 * Retries are pg-boss's: `retryLimit = maxAttempts - 1`, then the job moves to `<queue>.dlq`; an
 * `UnprocessableEventError` (or a malformed envelope) gets there at once.
 * pg-boss counts retry delays in whole seconds and doubles them itself, without a cap.
 */
export class PgBossConsumer {
  private readonly queue: string;
  private readonly log: Logger;
  private readonly waker = new Waker();
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;
  private readonly lanes: AggregateLanes;

  constructor(
    private readonly context: PgBossContext,
    consumer: string,
    private readonly patterns: readonly string[],
    private readonly handler: EventHandler,
    private readonly options: ConsumerOptions,
  ) {
    this.queue = context.queue(consumer);
    this.log = context.logger.child({ consumer });
    this.lanes = new AggregateLanes(options.concurrency);
  }

  /**
   * Creates (or updates) the queue, its dead-letter queue and its subscriptions. pg-boss's queue
   * creation is DDL on shared tables (partitions, foreign keys), so services starting together on
   * a new events database can deadlock each other (40P01): the loser just tries again.
   */
  async setUp(): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.setUpOnce();
        return;
      } catch (error) {
        const deadlock =
          (error as { code?: string }).code === '40P01' || /deadlock detected/i.test(String(error));
        if (!deadlock || attempt >= 8) throw error;
        this.log.debug({ attempt }, 'queue set-up deadlocked with another service; retrying');
        await sleep(50 * attempt + Math.random() * 100);
      }
    }
  }

  private async setUpOnce(): Promise<void> {
    const { boss } = this.context;
    const { retry } = this.options;
    const dlq = `${this.queue}.dlq`;
    await boss.createQueue(dlq);
    const retryDelay = Math.ceil(retry.initialDelayMs / 1000);
    const settings: PgBoss.Queue = {
      name: this.queue,
      retryLimit: retry.maxAttempts - 1,
      retryDelay,
      retryBackoff: retryDelay > 0,
      expireInSeconds: this.context.jobTimeoutSeconds,
      deadLetter: dlq,
    };
    await boss.createQueue(this.queue, settings);
    await boss.updateQueue(this.queue, settings);
    // Patterns a previous version of the consumer subscribed to, and no longer wants.
    const current = await boss
      .getDb()
      .executeSql(`SELECT event FROM ${this.context.schema}.subscription WHERE name = $1`, [
        this.queue,
      ]);
    for (const { event } of current.rows as { event: string }[]) {
      if (!this.patterns.includes(event)) await boss.unsubscribe(event, this.queue);
    }
    for (const pattern of this.patterns) await boss.subscribe(pattern, this.queue);
  }

  start(): void {
    this.running ??= this.loop();
  }

  /** Wakes the loop when a publisher announced jobs for this queue ('' = look anyway). */
  notify(queue: string): void {
    if (queue === '' || queue === this.queue) this.waker.wake();
  }

  /** Finishes the batch in hand (its jobs are already active), then stops. */
  async close(): Promise<void> {
    this.abort.abort();
    this.waker.wake();
    await this.running;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.abort.signal.aborted) {
      try {
        const count = await this.runBatch();
        failures = 0;
        if (count === this.options.batchSize) continue;
        await this.waker.wait(this.context.pollIntervalMs);
      } catch (error) {
        failures += 1;
        const delayMs = backoffDelay(failures, DEFAULT_BACKOFF);
        this.log.warn(
          { err: error, failures, retryInMs: delayMs },
          'pg-boss consumer batch failed',
        );
        await sleep(delayMs, this.abort.signal);
      }
    }
  }

  private async runBatch(): Promise<number> {
    const { boss } = this.context;
    let fetchError: Error | undefined;
    // pg-boss's fetch returns [] on any error; this db wrapper lets us see it and back off.
    const db: PgBoss.Db = {
      executeSql: (text, values) =>
        boss
          .getDb()
          .executeSql(text, values)
          .catch((error: unknown) => {
            fetchError = error instanceof Error ? error : new Error(String(error));
            throw fetchError;
          }),
    };
    const jobs = await boss.fetch<unknown>(this.queue, {
      batchSize: this.options.batchSize,
      includeMetadata: true,
      db,
    });
    if (fetchError) throw fetchError;
    const failures = await Promise.all(
      jobs.map((job) => this.lanes.run(aggregateOf(job.data, job.id), () => this.handle(job))),
    );
    const done: string[] = [];
    for (const [index, job] of jobs.entries()) {
      const failure = failures[index];
      if (failure === undefined) {
        done.push(job.id);
        continue;
      }
      await this.settle(async () => {
        // pg-boss dead-letters a job that fails with no retry left: take this one's away.
        if (failure instanceof UnprocessableEventError) {
          await boss
            .getDb()
            .executeSql(
              `UPDATE ${this.context.schema}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`,
              [this.queue, job.id],
            );
        }
        await boss.fail(this.queue, job.id, { message: describe(failure) });
      });
    }
    // Deleted rather than completed: a completed job keeps its payload (an OTP, personal data) in
    // pg-boss's tables for days, and the consumer's inbox already records what was processed.
    if (done.length > 0) await this.settle(() => boss.deleteJob(this.queue, done));
    return jobs.length;
  }

  private async handle(job: PgBoss.JobWithMetadata<unknown>): Promise<unknown> {
    const attempt = job.retryCount + 1;
    let event;
    try {
      event = parseEventEnvelope(job.data);
    } catch (error) {
      this.log.error({ err: error, jobId: job.id }, 'Malformed event; dead-lettered, no retries');
      return new UnprocessableEventError(`Malformed event: ${describe(error)}`);
    }
    const logger = this.log.child(eventLogFields(event));
    try {
      await this.handler(event, { attempt, logger });
      return undefined;
    } catch (error) {
      if (error instanceof UnprocessableEventError) {
        logger.error({ err: error, attempt }, 'Event cannot be handled; dead-lettered, no retries');
        return error;
      }
      const last = attempt >= this.options.retry.maxAttempts;
      logger[last ? 'error' : 'warn'](
        { err: error, attempt },
        last
          ? 'Event handler failed for the last time; dead-lettered'
          : 'Event handler failed; will retry',
      );
      return error ?? new Error('Event handler failed');
    }
  }

  /**
   * Completing or failing a job must not be given up lightly: the effect has happened. Retried
   * with backoff until it works or the consumer closes; a job left active is retried after its
   * timeout, which the inbox makes harmless.
   */
  private async settle(operation: () => Promise<unknown>): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await operation();
        return;
      } catch (error) {
        if (this.abort.signal.aborted) return;
        this.log.warn({ err: error, attempt }, 'Could not record a job outcome; retrying');
        await sleep(backoffDelay(attempt, DEFAULT_BACKOFF), this.abort.signal);
      }
    }
  }
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
