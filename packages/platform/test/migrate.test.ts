import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, MigrationError } from '@slotwise/platform/db';
import { createTestDatabase, type TestDatabase } from '@slotwise/testkit';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'slotwise-migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(join(dir, name));
    await writeFile(join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const first = 'CREATE TABLE widgets (id int PRIMARY KEY);';
const second = 'ALTER TABLE widgets ADD COLUMN name text;';

describe('migration runner', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase({ label: 'migrate' });
  });
  afterEach(async () => {
    await db.drop();
  });

  it('applies migrations in name order and records each with the SHA-256 of its file', async () => {
    const dir = await migrationsDir({
      '20260102000000_second': second,
      '20260101000000_first': first,
    });
    const result = await migrate({ connectionString: db.url, migrationsDir: dir });
    expect(result.applied).toEqual(['20260101000000_first', '20260102000000_second']);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date }>(
      db.url,
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY started_at, migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(result.applied);
    expect(rows[0]!.checksum).toBe(createHash('sha256').update(first).digest('hex'));
    expect(rows[1]!.checksum).toBe(createHash('sha256').update(second).digest('hex'));
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
    const columns = await query<{ column_name: string }>(
      db.url,
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'widgets' ORDER BY 1",
    );
    expect(columns.map((c) => c.column_name)).toEqual(['id', 'name']);
  });

  it('is idempotent: a second run applies nothing', async () => {
    const dir = await migrationsDir({ '1_first': first, '2_second': second });
    await migrate({ connectionString: db.url, migrationsDir: dir });
    const again = await migrate({ connectionString: db.url, migrationsDir: dir });
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(['1_first', '2_second']);
  });

  it('applies each migration exactly once when several runners start at the same moment', async () => {
    const dir = await migrationsDir({ '1_first': first, '2_second': second });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => migrate({ connectionString: db.url, migrationsDir: dir })),
    );
    expect(results.flatMap((r) => r.applied).sort()).toEqual(['1_first', '2_second']);
    const rows = await query(db.url, 'SELECT migration_name FROM _prisma_migrations');
    expect(rows).toHaveLength(2);
  });

  it('refuses to run when an applied migration file was changed', async () => {
    const dir = await migrationsDir({ '1_first': first });
    await migrate({ connectionString: db.url, migrationsDir: dir });
    await writeFile(join(dir, '1_first', 'migration.sql'), `${first}\n-- edited`);
    await expect(migrate({ connectionString: db.url, migrationsDir: dir })).rejects.toThrow(
      /1_first was changed after it was applied/,
    );
  });

  it('rolls a failing migration back entirely and records nothing for it', async () => {
    const dir = await migrationsDir({
      '1_first': first,
      '2_broken': 'CREATE TABLE half_done (id int); SELECT no_such_function();',
    });
    const run = migrate({ connectionString: db.url, migrationsDir: dir });
    await expect(run).rejects.toBeInstanceOf(MigrationError);
    const tables = await query<{ table_name: string }>(
      db.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    // The platform's tables came first, in transactions of their own, and stay.
    expect(tables.map((t) => t.table_name)).toEqual([
      '_platform_migrations',
      '_prisma_migrations',
      'inbox',
      'outbox',
      'scheduled_jobs',
      'widgets',
    ]);
    const rows = await query<{ migration_name: string }>(
      db.url,
      'SELECT migration_name FROM _prisma_migrations',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(['1_first']);
  });
});
