import { createHash, randomBytes } from 'node:crypto';
import {
  migrate,
  PLATFORM_MIGRATIONS,
  quoteIdent,
  readMigrations,
  withDatabase,
} from '@slotwise/platform/db';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const TEMPLATE_LOCK = 7_215_006_002;
/** Databases this package creates start with this, so a crashed run's leftovers can be found. */
export const TEST_DATABASE_PREFIX = 'swt_';

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Migrates a template database once per distinct set of migrations, the platform's included
 * (shared by every worker and kept across runs, as its name is the hash of the migrations), then
 * clones it: each test file gets a fresh, fully migrated database in a few milliseconds.
 */
async function templateFor(adminUrl: string, migrationsDir: string): Promise<string> {
  const migrations = await readMigrations(migrationsDir);
  const hash = createHash('sha256');
  for (const m of [...PLATFORM_MIGRATIONS, ...migrations])
    hash.update(`${m.name}\n${m.checksum}\n`);
  const name = `swtpl_${hash.digest('hex').slice(0, 24)}`;
  await withAdmin(adminUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const found = await admin.query(
        'SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate',
        [name],
      );
      if (found.rowCount) return;
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
      await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
      await migrate({ connectionString: withDatabase(adminUrl, name), migrationsDir });
      await admin.query(`ALTER DATABASE ${quoteIdent(name)} WITH is_template true`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return name;
}

export function adminDatabaseUrl(): string {
  return inject('adminDatabaseUrl');
}

/** A fresh database for one test file; with `migrationsDir`, already migrated. */
export async function createTestDatabase(
  options: { migrationsDir?: string; label?: string } = {},
): Promise<TestDatabase> {
  const adminUrl = adminDatabaseUrl();
  const label = (options.label ?? 'db')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 16);
  const name = `${TEST_DATABASE_PREFIX}${label}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const template = options.migrationsDir
    ? await templateFor(adminUrl, options.migrationsDir)
    : undefined;
  await withAdmin(adminUrl, (admin) =>
    admin.query(
      `CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`,
    ),
  );
  const url = withDatabase(adminUrl, name);
  return {
    url,
    name,
    drop: () =>
      withAdmin(adminUrl, async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      }),
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}
