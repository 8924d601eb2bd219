import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { TEST_DATABASE_PREFIX } from './test-database.js';
import { startTestPostgres } from './test-postgres.js';

/** vitest global setup: one PostgreSQL server for the whole run, and its URL for every worker. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestPostgres();
  project.provide('adminDatabaseUrl', server.url);
  await dropStaleDatabases(server.url);
  return async () => {
    await server.stop();
  };
}

/** Test databases left by a run that crashed more than an hour ago. */
async function dropStaleDatabases(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${TEST_DATABASE_PREFIX}%`],
    );
    const hourAgo = Date.now() - 3_600_000;
    for (const { datname } of rows) {
      const stamp = parseInt(datname.split('_')[2] ?? '', 36);
      if (Number.isFinite(stamp) && stamp < hourAgo) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
  } finally {
    await client.end();
  }
}
