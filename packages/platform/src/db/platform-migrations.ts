import { createHash } from 'node:crypto';
import { EVENTS_TABLES_SHAPE, EVENTS_TABLES_SQL } from '../events/schema-sql.js';
import { SCHEDULED_JOBS_TABLE_SHAPE, SCHEDULED_JOBS_TABLE_SQL } from '../jobs/schema-sql.js';

/**
 * The platform's own migrations: the tables its mechanisms need in every service's database (the
 * outbox and the inbox, the scheduled jobs' last ticks). The runner applies them before the
 * service's own migrations and records them in `_platform_migrations` (same shape as Prisma's
 * table, so Prisma's own view of the service's migrations stays exactly the service's). Append
 * only, like a service's migrations: an applied one must never change.
 */

export interface PlatformMigration {
  name: string;
  sql: string;
  checksum: string;
}

/** The runner's bookkeeping of the platform's migrations, beside `_prisma_migrations`. */
export const PLATFORM_MIGRATIONS_TABLE = '_platform_migrations';

const migration = (name: string, sql: string): PlatformMigration => ({
  name,
  sql,
  checksum: createHash('sha256').update(sql, 'utf8').digest('hex'),
});

export const PLATFORM_MIGRATIONS: readonly PlatformMigration[] = [
  migration('20261210000000_events_tables', EVENTS_TABLES_SQL),
  migration('20261220000000_scheduled_jobs', SCHEDULED_JOBS_TABLE_SQL),
];

/** The tables the platform's migrations make, and their shape (for the drift check). */
export const PLATFORM_TABLES = { ...EVENTS_TABLES_SHAPE, ...SCHEDULED_JOBS_TABLE_SHAPE };

/**
 * A service migration that creates a platform table itself: a copy made before the platform
 * owned them. On a new database such a file must run before the platform's migrations (its plain
 * CREATE TABLE would fail on the table they made), which then find everything in place.
 */
export function createsPlatformTable(sql: string): boolean {
  const tables = Object.keys(PLATFORM_TABLES).join('|');
  return new RegExp(
    `\\bCREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?"?(${tables})"?\\s*\\(`,
    'i',
  ).test(sql);
}
