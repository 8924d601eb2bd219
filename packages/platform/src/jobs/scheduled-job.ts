import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from '../logger/logger.js';

export interface ScheduledJobOptions {
  name: string;
  everyMs: number;
  pool: pg.Pool;
  logger: Logger;
  run: () => Promise<void>;
  /** Run once right after start (default true). */
  runAtStart?: boolean;
}

export interface ScheduledJob {
  /** Runs the job now if no other instance is running it; true when this one ran it. */
  runOnce(): Promise<boolean>;
  stop(): Promise<void>;
}

/** A stable 64-bit advisory-lock key per job name. */
function lockKey(name: string): bigint {
  return createHash('sha256').update(`slotwise:job:${name}`).digest().readBigInt64BE(0);
}

/**
 * Runs a job periodically in each instance, but only one instance at a time does the work: each
 * tick tries a PostgreSQL session advisory lock and skips when another instance holds it. A failed
 * run is logged and the next tick tries again; nothing here can crash the process.
 */
export function scheduleJob(options: ScheduledJobOptions): ScheduledJob {
  const key = lockKey(options.name);
  const log = options.logger.child({ job: options.name });
  let running: Promise<boolean> | undefined;
  let stopped = false;

  const runOnce = async (): Promise<boolean> => {
    const client = await options.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1) AS locked',
        [key.toString()],
      );
      if (!rows[0]?.locked) return false;
      try {
        await options.run();
        return true;
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [key.toString()]);
      }
    } finally {
      client.release();
    }
  };

  const tick = (): void => {
    if (stopped || running) return;
    running = runOnce()
      .catch((error: unknown) => {
        log.error({ err: error }, 'scheduled job failed');
        return false;
      })
      .finally(() => {
        running = undefined;
      });
  };

  const timer = setInterval(tick, options.everyMs);
  timer.unref();
  if (options.runAtStart !== false) tick();

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
