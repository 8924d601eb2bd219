import { createHash } from 'node:crypto';
import type pg from 'pg';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from '../logger/logger.js';

export interface ScheduledJobOptions {
  name: string;
  everyMs: number;
  pool: pg.Pool;
  logger: Logger;
  run: () => Promise<void>;
  /** Run once right after start (default true), unless another instance ran this tick. */
  runAtStart?: boolean;
  /** Counts this instance's runs in `scheduled_job_runs_total{job}`. */
  metrics?: Registry;
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

// Records the tick as run unless it (or a later one) already is; a row back means "yours".
const CLAIM_TICK = `
INSERT INTO scheduled_jobs (name, tick_at) VALUES ($1, $2)
ON CONFLICT (name) DO UPDATE SET tick_at = EXCLUDED.tick_at, ran_at = now()
 WHERE scheduled_jobs.tick_at < EXCLUDED.tick_at
RETURNING name`;

function runsCounter(registry: Registry): Counter<'job'> {
  const name = 'scheduled_job_runs_total';
  return (
    (registry.getSingleMetric(name) as Counter<'job'> | undefined) ??
    new Counter({
      name,
      help: 'Runs of each scheduled job in this instance',
      labelNames: ['job'],
      registers: [registry],
    })
  );
}

/**
 * Runs a job once per tick, however many instances schedule it. Ticks are the multiples of
 * `everyMs` on the clock, so every instance ticks at the same moments; at each, an instance takes
 * a PostgreSQL session advisory lock (no two runs overlap: one longer than the period makes the
 * others skip the ticks it spans), then records the tick in `scheduled_jobs`, and runs the job
 * only if it was the first to. A failed run is logged and the next tick tries again; nothing here
 * can crash the process.
 */
export function scheduleJob(options: ScheduledJobOptions): ScheduledJob {
  const key = lockKey(options.name).toString();
  const log = options.logger.child({ job: options.name });
  const runs = options.metrics && runsCounter(options.metrics);
  let running: Promise<boolean> | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  /** Runs the job under the lock when `claim` (on the lock's connection) says so. */
  const runLocked = async (claim: (client: pg.PoolClient) => Promise<boolean>) => {
    const client = await options.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1) AS locked',
        [key],
      );
      if (!rows[0]?.locked) return false;
      try {
        if (!(await claim(client))) return false;
        runs?.inc({ job: options.name });
        await options.run();
        return true;
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [key]);
      }
    } finally {
      client.release();
    }
  };

  const runTick = (tickAt: Date) =>
    runLocked(
      async (client) =>
        ((await client.query(CLAIM_TICK, [options.name, tickAt])).rowCount ?? 0) > 0,
    );

  const tick = (tickAt: number): void => {
    if (stopped || running) return;
    running = runTick(new Date(tickAt))
      .catch((error: unknown) => {
        log.error({ err: error }, 'scheduled job failed');
        return false;
      })
      .finally(() => {
        running = undefined;
      });
  };

  const tickBefore = (time: number) => Math.floor(time / options.everyMs) * options.everyMs;
  // The tick is the one the timer was set for, not read from the clock when it fires: a timer
  // may fire a millisecond before the wall clock reaches it.
  const armNextTick = (): void => {
    if (stopped) return;
    const now = Date.now();
    const next = tickBefore(now) + options.everyMs;
    timer = setTimeout(() => {
      tick(next);
      armNextTick();
    }, next - now);
    timer.unref();
  };

  armNextTick();
  if (options.runAtStart !== false) tick(tickBefore(Date.now()));

  return {
    runOnce: () => runLocked(async () => true),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
