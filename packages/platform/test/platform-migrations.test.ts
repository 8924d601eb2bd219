import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findSchemaDrift, migrate, PLATFORM_MIGRATIONS } from '@slotwise/platform/db';
import { createTestDatabase, type TestDatabase } from '@slotwise/testkit';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const platformNames = PLATFORM_MIGRATIONS.map((m) => m.name);

/** A service whose migrations were written after the platform owned the events tables. */
const widgets = {
  '20270101000000_init': 'CREATE TABLE widgets (id uuid PRIMARY KEY);',
  // Would fail if the platform's tables were not there yet.
  '20270102000000_widget_events': 'CREATE INDEX outbox_type_idx ON outbox (type);',
};
const widgetsSchema = `
datasource db {
  provider = "postgresql"
}
model Widget {
  id String @id @db.Uuid
  @@map("widgets")
}
`;

/** The migrations of a service made before: its first one copies the tables (business's). */
const legacyDir = fileURLToPath(
  new URL('../../../services/business/prisma/migrations', import.meta.url),
);
const legacySchema = fileURLToPath(
  new URL('../../../services/business/prisma/schema.prisma', import.meta.url),
);

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'slotwise-platform-migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(join(dir, name));
    await writeFile(join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

/** The first migration of the legacy service alone, as the oldest databases first got it. */
async function legacyFirstOnly(): Promise<string> {
  const first = '20261125000000_init';
  return migrationsDir({
    [first]: await readFile(join(legacyDir, first, 'migration.sql'), 'utf8'),
  });
}

describe('the platform’s migrations', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeEach(async () => {
    db = await createTestDatabase({ label: 'platmig' });
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
  });
  afterEach(async () => {
    await pool.end();
    await db.drop();
  });

  const rows = async <T extends pg.QueryResultRow>(sql: string): Promise<T[]> =>
    (await pool.query<T>(sql)).rows;
  const names = async (table: string): Promise<string[]> =>
    (
      await rows<{ migration_name: string }>(`SELECT migration_name FROM "${table}" ORDER BY 1`)
    ).map((r) => r.migration_name);
  const drift = async (schema: string): Promise<string[]> => {
    const dir = await mkdtemp(join(tmpdir(), 'slotwise-schema-'));
    await writeFile(join(dir, 'schema.prisma'), schema);
    return findSchemaDrift({ connectionString: db.url, schemaPath: join(dir, 'schema.prisma') });
  };

  it('give a new service the outbox and the inbox before its own migrations, once, recorded apart', async () => {
    const dir = await migrationsDir(widgets);
    const first = await migrate({ connectionString: db.url, migrationsDir: dir });
    expect(first).toEqual({
      applied: Object.keys(widgets),
      alreadyApplied: [],
      platformApplied: platformNames,
    });
    // Prisma's table holds the service's migrations only; the platform's are in their own.
    expect(await names('_prisma_migrations')).toEqual(Object.keys(widgets));
    expect(await names('_platform_migrations')).toEqual(platformNames);

    const again = await migrate({ connectionString: db.url, migrationsDir: dir });
    expect(again).toEqual({
      applied: [],
      alreadyApplied: Object.keys(widgets),
      platformApplied: [],
    });
    expect(await drift(widgetsSchema)).toEqual([]);
  });

  it('applies them once when several runners start at the same moment', async () => {
    const dir = await migrationsDir(widgets);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => migrate({ connectionString: db.url, migrationsDir: dir })),
    );
    expect(results.flatMap((r) => r.platformApplied)).toEqual(platformNames);
    expect(await names('_platform_migrations')).toEqual(platformNames);
  });

  it('change nothing in a database migrated with the old copies, and keep what it holds', async () => {
    // The database as the runner left it before the platform had migrations of its own.
    await migrate({ connectionString: db.url, migrationsDir: legacyDir, platformMigrations: [] });
    await pool.query(`
      INSERT INTO outbox (id, aggregate_id, type, version, payload, occurred_at)
        VALUES ('00000000-0000-4000-8000-000000000001', 'a', 'business.created', 1, '{}', now());
      INSERT INTO inbox (event_id, type) VALUES ('00000000-0000-4000-8000-000000000002', 'x.y')`);
    const before = await rows('SELECT * FROM _prisma_migrations ORDER BY migration_name');

    const result = await migrate({ connectionString: db.url, migrationsDir: legacyDir });
    expect(result.applied).toEqual([]);
    expect(result.platformApplied).toEqual(platformNames);
    // The service's own record (names, checksums) is untouched: its files did not change.
    expect(await rows('SELECT * FROM _prisma_migrations ORDER BY migration_name')).toEqual(before);
    expect(await rows('SELECT count(*)::int AS n FROM outbox')).toEqual([{ n: 1 }]);
    expect(await rows('SELECT count(*)::int AS n FROM inbox')).toEqual([{ n: 1 }]);
    expect(await drift(await readFile(legacySchema, 'utf8'))).toEqual([]);
  });

  it('run a legacy service’s first migration, which copies the tables, before them on a new database', async () => {
    const result = await migrate({ connectionString: db.url, migrationsDir: legacyDir });
    expect(result.applied[0]).toBe('20261125000000_init');
    expect(result.platformApplied).toEqual(platformNames);
    const order = await rows<{ migration_name: string }>(`
      SELECT migration_name FROM (
        SELECT migration_name, finished_at FROM _prisma_migrations
        UNION ALL SELECT migration_name, finished_at FROM _platform_migrations) m
      ORDER BY finished_at`);
    expect(order.map((r) => r.migration_name).slice(0, 1 + platformNames.length)).toEqual([
      '20261125000000_init',
      ...platformNames,
    ]);
    expect(await drift(await readFile(legacySchema, 'utf8'))).toEqual([]);
  });

  it('give the oldest copy’s trigger the transition table its function reads', async () => {
    const oldest = await legacyFirstOnly();
    await migrate({ connectionString: db.url, migrationsDir: oldest, platformMigrations: [] });
    const hasNewTable = async (): Promise<boolean | undefined> =>
      (
        await rows<{ has: boolean }>(
          "SELECT tgnewtable IS NOT NULL AS has FROM pg_trigger WHERE tgname = 'outbox_notify'",
        )
      )[0]?.has;
    expect(await hasNewTable()).toBe(false);

    await migrate({ connectionString: db.url, migrationsDir: oldest });
    expect(await hasNewTable()).toBe(true);
    // The trigger works: an insert goes through (the function reads inserted_rows).
    await pool.query(`INSERT INTO outbox (id, aggregate_id, type, version, payload, occurred_at)
      VALUES ('00000000-0000-4000-8000-000000000003', 'a', 'x.y', 1, '{}', now())`);
  });

  it('are checked by the drift test: a missing index or a changed column is named', async () => {
    await migrate({ connectionString: db.url, migrationsDir: await migrationsDir(widgets) });
    await pool.query(`
      DROP INDEX outbox_published_at_idx;
      ALTER TABLE inbox ALTER COLUMN type DROP NOT NULL;
      ALTER TABLE inbox ADD COLUMN note text;
      DROP TRIGGER outbox_notify ON outbox`);
    expect(await drift(widgetsSchema)).toEqual([
      'index outbox_published_at_idx on outbox is missing',
      'trigger outbox_notify on outbox is missing',
      'column inbox.type is nullable, the platform says NOT NULL',
      "column inbox.note is not the platform's",
    ]);
  });
});
