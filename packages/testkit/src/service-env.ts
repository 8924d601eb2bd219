import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { startTestKeys, type TestKeys } from './test-keys.js';

export interface EventsTestEnv {
  /** `AMQP_URL` or `EVENTS_DATABASE_URL`, and a unique `EVENTS_PREFIX`. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * An event bus of the test's own: RabbitMQ under a unique prefix when `AMQP_URL` is set, else
 * pg-boss in a fresh database. Services that should hear each other share one.
 */
export async function createEventsTestEnv(): Promise<EventsTestEnv> {
  const amqpUrl = process.env.AMQP_URL;
  const events = amqpUrl ? undefined : await createTestDatabase({ label: 'events' });
  return {
    env: {
      EVENTS_PREFIX: `t${randomBytes(5).toString('hex')}`,
      ...(amqpUrl ? { AMQP_URL: amqpUrl } : { EVENTS_DATABASE_URL: events!.url }),
    },
    close: async () => {
      await events?.drop();
    },
  };
}

export interface ServiceTestEnv {
  /** The variables to give the service's config loader. */
  env: Record<string, string>;
  db: TestDatabase;
  keys: TestKeys;
  close(): Promise<void>;
}

/**
 * Everything a service needs to run in-process in a test: its own migrated database, an event bus
 * (its own unless `events` is shared) and a JWKS to verify the access tokens the test signs.
 */
export async function createServiceTestEnv(options: {
  service: string;
  migrationsDir: string;
  keys?: TestKeys;
  events?: EventsTestEnv;
  env?: Record<string, string>;
}): Promise<ServiceTestEnv> {
  const db = await createTestDatabase({
    label: options.service,
    migrationsDir: options.migrationsDir,
  });
  const events = options.events ?? (await createEventsTestEnv());
  const keys =
    options.keys ?? (await startTestKeys({ issuer: 'slotwise-auth', audience: 'slotwise-api' }));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: db.url,
    DATABASE_POOL_MAX: '5',
    // Tests look at the events a change wrote; production deletes them once published.
    OUTBOX_KEEP_PUBLISHED_DAYS: '1',
    ...events.env,
    AUTH_JWKS_URL: keys.jwksUrl,
    JWT_ISSUER: keys.issuer,
    JWT_AUDIENCE: keys.audience,
    ...options.env,
  };
  return {
    env,
    db,
    keys,
    close: async () => {
      await db.drop();
      if (!options.events) await events.close();
      if (!options.keys) await keys.close();
    },
  };
}
