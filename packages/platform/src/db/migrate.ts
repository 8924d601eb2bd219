import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import {
  createsPlatformTable,
  PLATFORM_MIGRATIONS,
  PLATFORM_MIGRATIONS_TABLE,
  type PlatformMigration,
} from './platform-migrations.js';

/**
 * Applies Prisma-layout migrations (`<dir>/<timestamp>_<name>/migration.sql`) and records them in
 * Prisma's own `_prisma_migrations` table, so `prisma migrate status/deploy` agree with it wherever
 * Prisma's engine can be downloaded. See docs/decisions/0002-migrations-without-the-prisma-engine.md.
 *
 * - checksum = SHA-256 hex of the file, as Prisma computes it;
 * - one transaction per migration: a failing file leaves nothing behind and nothing recorded;
 * - a session advisory lock serialises concurrent runners (several instances starting at once);
 * - an applied file whose content changed is refused, as is a database that has a failed migration
 *   or an applied one that is not on disk.
 *
 * Before the service's own, it applies the platform's migrations (the outbox and inbox tables,
 * db/platform-migrations.ts), once, recorded apart in `_platform_migrations`. A service's pending
 * migration that creates those tables itself (the copies made before the platform owned them) runs
 * first, and the platform's, written to find them in place, right after it.
 */

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  /** The service's migrations applied by this run, in order. */
  applied: string[];
  alreadyApplied: string[];
  /** The platform's migrations applied by this run. */
  platformApplied: string[];
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

// Any constant works as long as every runner agrees; this one spells "slotwise migrations".
const MIGRATION_LOCK_KEY = 7_215_006_001;

const createTable = (table: string): string => `
CREATE TABLE IF NOT EXISTS "${table}" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

export async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(migrationsDir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

export interface MigrateOptions {
  connectionString: string;
  migrationsDir: string;
  log?: (message: string) => void;
  /** The platform's migrations (default: all of them); tests of the runner pass their own. */
  platformMigrations?: readonly PlatformMigration[];
}

const SERVICE_TABLE = '_prisma_migrations';

export async function migrate({
  connectionString,
  migrationsDir,
  log = () => undefined,
  platformMigrations = PLATFORM_MIGRATIONS,
}: MigrateOptions): Promise<MigrateResult> {
  const migrations = await readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString, application_name: 'slotwise-migrate' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const own = await pending(client, SERVICE_TABLE, migrations);
      const platform =
        platformMigrations.length > 0
          ? await pending(client, PLATFORM_MIGRATIONS_TABLE, platformMigrations)
          : { pending: [], alreadyApplied: [] };
      // The platform's go first, unless a pending migration of the service's creates their tables
      // itself: then right after the last such one.
      const copies = own.pending.map((m) => createsPlatformTable(m.sql));
      const platformAt = copies.lastIndexOf(true) + 1;
      const result: MigrateResult = {
        applied: [],
        alreadyApplied: own.alreadyApplied,
        platformApplied: [],
      };
      for (const [index, migration] of own.pending.entries()) {
        if (index === platformAt) await applyAll(client, PLATFORM_MIGRATIONS_TABLE, platform, log);
        await applyOne(client, SERVICE_TABLE, migration);
        log(`applied migration ${migration.name}`);
        result.applied.push(migration.name);
      }
      if (platformAt === own.pending.length) {
        await applyAll(client, PLATFORM_MIGRATIONS_TABLE, platform, log);
      }
      result.platformApplied = platform.pending.map((m) => m.name);
      return result;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

interface Pending {
  pending: MigrationFile[];
  alreadyApplied: string[];
}

/**
 * The migrations `table` has not recorded; refuses a changed or unfinished one, and one recorded
 * but not on disk (code older than its database: its schema is not the one this code knows).
 */
async function pending(
  client: pg.Client,
  table: string,
  migrations: readonly MigrationFile[],
): Promise<Pending> {
  await client.query(createTable(table));
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at
       FROM "${table}" WHERE rolled_back_at IS NULL`,
  );
  const applied = new Map(rows.map((row) => [row.migration_name, row]));
  const failed = rows.find((row) => row.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} started but never finished; resolve it by hand before migrating again`,
    );
  }
  const onDisk = new Set(migrations.map((migration) => migration.name));
  const missing = rows.filter((row) => !onDisk.has(row.migration_name));
  if (missing.length > 0) {
    throw new MigrationError(
      `Migration ${missing.map((row) => row.migration_name).join(', ')} is applied to the database but missing on disk; deploy the code that has it (or resolve it by hand) before migrating again`,
    );
  }
  const result: Pending = { pending: [], alreadyApplied: [] };
  for (const migration of migrations) {
    const row = applied.get(migration.name);
    if (!row) {
      result.pending.push(migration);
      continue;
    }
    if (row.checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.name} was changed after it was applied (checksum ${row.checksum} in the database, ${migration.checksum} on disk); add a new migration instead`,
      );
    }
    result.alreadyApplied.push(migration.name);
  }
  return result;
}

async function applyAll(
  client: pg.Client,
  table: string,
  migrations: Pending,
  log: (message: string) => void,
): Promise<void> {
  for (const migration of migrations.pending) {
    await applyOne(client, table, migration);
    log(`applied platform migration ${migration.name}`);
  }
}

async function applyOne(client: pg.Client, table: string, migration: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "${table}"
         (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
