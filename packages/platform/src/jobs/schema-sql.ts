/**
 * The table behind "once per tick, whatever the number of instances" (scheduled-job.ts): the
 * last tick each job ran for, by the tick's time (not its number, which a changed period would
 * change). Owned by the platform like the outbox: a platform migration (db/platform-migrations.ts)
 * gives it to every service's database.
 */
export const SCHEDULED_JOBS_TABLE_SQL = `
CREATE TABLE IF NOT EXISTS scheduled_jobs (
  name    text        PRIMARY KEY,
  tick_at timestamptz NOT NULL,
  ran_at  timestamptz NOT NULL DEFAULT now()
);
`;

/** Its shape, for the drift check (db/schema-drift.ts). */
export const SCHEDULED_JOBS_TABLE_SHAPE = {
  scheduled_jobs: {
    columns: {
      name: ['text', false],
      tick_at: ['timestamptz', false],
      ran_at: ['timestamptz', false],
    },
    indexes: ['scheduled_jobs_pkey'],
    triggers: [],
  },
} as const;
