import type pg from 'pg';
import type { Logger } from '../logger/index.js';
import { purgeInbox } from './inbox.js';
import type { RawSqlExecutor } from './sql-executor.js';

export interface InboxRetentionOptions {
  /** The service's database (its pool). */
  db: RawSqlExecutor | pg.Pool;
  logger: Logger;
  /** Rows processed longer ago than this are deleted (default 14): redeliveries come in minutes. */
  days?: number;
  /** About how often (default hourly); each wait is drawn from [½, 1½] of it. */
  everyMs?: number;
  /** Rows deleted per statement, so a long-unpruned inbox never holds one huge DELETE. */
  batchSize?: number;
}

export interface InboxRetention {
  /** Deletes the old rows now; the number deleted. */
  runOnce(): Promise<number>;
  /** Stops the schedule and waits for a run in progress. */
  stop(): Promise<void>;
}

export const DEFAULT_INBOX_RETENTION_DAYS = 14;
const HOUR_MS = 3_600_000;

/**
 * Deletes old inbox rows on a jittered schedule. The DELETE is idempotent, so several instances
 * may run it; the jitter (and a first run at a random point of the first interval) keeps them
 * from doing so all at once. A failed run is logged and the next one tries again.
 */
export function startInboxRetention(options: InboxRetentionOptions): InboxRetention {
  const days = options.days ?? DEFAULT_INBOX_RETENTION_DAYS;
  const everyMs = options.everyMs ?? HOUR_MS;
  const batchSize = options.batchSize ?? 10_000;
  const log = options.logger.child({ job: 'inbox-retention' });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;

  const runOnce = (): Promise<number> =>
    purgeInbox(options.db, days, { batchSize, stopped: () => stopped });

  const schedule = (delayMs: number): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .then((deleted) => {
          if (deleted > 0) log.info({ deleted, days }, 'Old inbox rows deleted');
        })
        .catch((error: unknown) => log.warn({ err: error }, 'Inbox retention failed'))
        .finally(() => {
          running = undefined;
          schedule(everyMs * (0.5 + Math.random()));
        });
    }, delayMs);
    timer.unref();
  };
  schedule(everyMs * Math.random());

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
