import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ALL_SERVICES } from '../../scripts/launcher/services.js';
import type { BenchOptions } from './options.js';
import { portBlock } from './ports.js';

const rootDir = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs `use` on a connection to a service's database in the platform's embedded PostgreSQL, as
 * its superuser (the password the launcher keeps in `<data dir>/secrets.json`): for set-up the
 * API has no way to do at scale, never for what a scenario measures.
 */
export async function withServiceDatabase<T>(
  options: Pick<BenchOptions, 'dataDir' | 'portBase'>,
  service: string,
  use: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const database = ALL_SERVICES.find((spec) => spec.name === service)?.database;
  if (!database) throw new Error(`the launcher knows no database of ${service}`);
  const secrets = JSON.parse(
    await readFile(join(resolve(rootDir, options.dataDir), 'secrets.json'), 'utf8'),
  ) as { postgresPassword?: unknown };
  if (typeof secrets.postgresPassword !== 'string')
    throw new Error('no postgresPassword in the data directory’s secrets.json');
  const client = new pg.Client({
    host: '127.0.0.1',
    port: portBlock(options.portBase).postgres,
    user: 'postgres',
    password: secrets.postgresPassword,
    database,
    connectionTimeoutMillis: 10_000,
  });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/**
 * ANALYZE on tables of a service's database. Statistics only, no data is touched.
 *
 * Why: the set-up loads 10,000 resources in seconds, into a database created minutes ago. Until
 * autovacuum first analyzes the table (up to a minute or more later) the planner believes it is
 * empty and sorts every row for each page instead of reading the newest-first index: the
 * listing measured would be that of a database no one runs in production.
 */
export async function analyzeTables(
  options: Pick<BenchOptions, 'dataDir' | 'portBase'>,
  service: string,
  tables: readonly string[],
): Promise<void> {
  await withServiceDatabase(options, service, async (client) => {
    for (const table of tables) await client.query(`ANALYZE ${client.escapeIdentifier(table)}`);
  });
}
