import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, MigrationError } from '@slotwise/platform/db';
import { createTestDatabase, type TestDatabase } from '@slotwise/testkit';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const files = {
  '1_first': 'CREATE TABLE widgets (id int PRIMARY KEY);',
  '2_second': 'ALTER TABLE widgets ADD COLUMN name text;',
  '3_third': 'ALTER TABLE widgets ADD COLUMN colour text;',
};
type Name = keyof typeof files;

async function migrationsDir(...names: Name[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'slotwise-migrations-'));
  for (const name of names) {
    await mkdir(join(dir, name));
    await writeFile(join(dir, name, 'migration.sql'), files[name]);
  }
  return dir;
}

describe('the migration runner refuses a database it cannot account for', () => {
  let db: TestDatabase;
  let client: pg.Client;
  beforeEach(async () => {
    db = await createTestDatabase({ label: 'migrate-refusals' });
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterEach(async () => {
    await client.end();
    await db.drop();
  });

  const recorded = async (table = '_prisma_migrations') =>
    (
      await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM "${table}" WHERE rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows.map((row) => row.migration_name);
  const columns = async () =>
    (
      await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'widgets' ORDER BY 1`,
      )
    ).rows.map((row) => row.column_name);
  const run = (dir: string) => migrate({ connectionString: db.url, migrationsDir: dir });

  it('refuses a migration that started but never finished, and applies nothing after it', async () => {
    await run(await migrationsDir('1_first'));
    // As a runner killed mid-migration outside a transaction would leave it (Prisma's "failed").
    await client.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at)
      VALUES ('00000000-0000-4000-8000-000000000002', 'x', '2_second', now())`);
    const all = await migrationsDir('1_first', '2_second', '3_third');
    const refused = run(all);
    await expect(refused).rejects.toBeInstanceOf(MigrationError);
    await expect(refused).rejects.toThrow(/2_second started but never finished/);
    expect(await columns()).toEqual(['id']);
    expect(await recorded()).toEqual(['1_first', '2_second']);

    // Resolved by hand as rolled back (what `prisma migrate resolve --rolled-back` records): on.
    await client.query(
      `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '2_second'`,
    );
    expect((await run(all)).applied).toEqual(['2_second', '3_third']);
    expect(await columns()).toEqual(['colour', 'id', 'name']);
  });

  it('refuses an unfinished platform migration the same way', async () => {
    const dir = await migrationsDir('1_first');
    await run(dir);
    const [platform] = await recorded('_platform_migrations');
    expect(platform).toBeDefined();
    await client.query(
      `UPDATE _platform_migrations SET finished_at = NULL WHERE migration_name = $1`,
      [platform],
    );
    await expect(run(dir)).rejects.toThrow(`${platform} started but never finished`);
  });

  it('refuses a migration recorded in the database but missing on disk, and applies nothing', async () => {
    await run(await migrationsDir('1_first', '2_second'));
    // Code older than its database (a rollback), or a migration's folder deleted.
    const refused = run(await migrationsDir('1_first', '3_third'));
    await expect(refused).rejects.toBeInstanceOf(MigrationError);
    await expect(refused).rejects.toThrow(/2_second .*missing/);
    expect(await columns()).toEqual(['id', 'name']);
    expect(await recorded()).toEqual(['1_first', '2_second']);
  });

  it('does not count a rolled-back migration that is gone from disk', async () => {
    await run(await migrationsDir('1_first', '2_second'));
    await client.query(
      `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '2_second'`,
    );
    expect((await run(await migrationsDir('1_first', '3_third'))).applied).toEqual(['3_third']);
  });
});
