import { fileURLToPath } from 'node:url';
import { loadConfig } from '@slotwise/platform/config';
import {
  createEventTransport,
  type EventEnvelope,
  type EventTransport,
} from '@slotwise/platform/events';
import type { HttpApp } from '@slotwise/platform/http';
import { createLogger } from '@slotwise/platform/logger';
import {
  createServiceTestEnv,
  startSmtpCapture,
  waitFor,
  type ServiceTestEnv,
  type SmtpCapture,
} from '@slotwise/testkit';
import { buildApp } from '../src/app.js';
import { configSchema, type Config } from '../src/config.js';
import { buildContainer, type Container } from '../src/container.js';

export const migrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));
export const schemaPath = fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url));

export interface NotificationRow {
  id: string;
  eventId: string;
  eventType: string;
  userId: string | null;
  template: string;
  recipient: string;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
}

export interface UserRow {
  id: string;
  email: string;
  username: string;
  firstName: string | null;
  lastName: string | null;
  role: string;
  status: string;
  version: number;
}

export interface Harness {
  testEnv: ServiceTestEnv;
  config: Config;
  container: Container;
  app: HttpApp;
  smtp: SmtpCapture;
  /** Every line the service logged, at debug level. */
  logLines: string[];
  publish(...events: EventEnvelope<object>[]): Promise<void>;
  notificationsFor(eventId: string): Promise<NotificationRow[]>;
  user(id: string): Promise<UserRow | undefined>;
  inboxHas(eventId: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The service in-process, as `main.ts` builds it, on its own database and event queues, mailing an
 * in-process SMTP server; plus a publisher on the same broker and prefix, standing in for auth.
 */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const smtp = await startSmtpCapture();
  const testEnv = await createServiceTestEnv({
    service: 'notification',
    migrationsDir,
    env: {
      SMTP_URL: smtp.url,
      // Retries fast enough for a test, slow enough to switch SMTP back on between two attempts.
      NOTIFICATION_MAX_ATTEMPTS: '3',
      NOTIFICATION_RETRY_INITIAL_MS: '500',
      NOTIFICATION_RETRY_MAX_MS: '1000',
      SMTP_CONNECTION_TIMEOUT_MS: '2000',
      // Several at a time, as an operator may run it: the tests hold with either.
      NOTIFICATION_CONCURRENCY: '4',
      ...env,
    },
  });
  const config = loadConfig('notification', configSchema, testEnv.env);
  const logLines: string[] = [];
  const logger = createLogger({
    service: 'notification',
    level: 'debug',
    destination: { write: (line: string) => void logLines.push(line) },
  });
  const container = await buildContainer(config, { logger });
  const app = await buildApp(container);
  await app.ready();
  await container.start();
  const publisher: EventTransport = await createEventTransport({
    amqpUrl: testEnv.env.AMQP_URL,
    eventsDatabaseUrl: testEnv.env.EVENTS_DATABASE_URL,
    logger: createLogger({ service: 'test-publisher', level: 'silent' }),
    prefix: testEnv.env.EVENTS_PREFIX,
  });
  // RabbitMQ connects in the background; a publish before that is refused.
  await waitFor(() => publisher.healthCheck(), { timeoutMs: 10_000 });
  const { pool } = container;

  return {
    testEnv,
    config,
    container,
    app,
    smtp,
    logLines,
    publish: (...events) => publisher.publish(events as EventEnvelope[]),
    notificationsFor: async (eventId) =>
      (
        await pool.query<NotificationRow>(
          `SELECT id, "eventId", "eventType", "userId", template, recipient, status, attempts,
                  "lastError", "sentAt" FROM notifications WHERE "eventId" = $1 ORDER BY template`,
          [eventId],
        )
      ).rows,
    user: async (id) =>
      (
        await pool.query<UserRow>(
          `SELECT id, email, username, "firstName", "lastName", role, status, version
             FROM users WHERE id = $1`,
          [id],
        )
      ).rows[0],
    inboxHas: async (eventId) =>
      ((await pool.query('SELECT 1 FROM inbox WHERE event_id = $1', [eventId])).rowCount ?? 0) > 0,
    close: async () => {
      await publisher.close();
      await app.close();
      for (const step of container.stopSteps) await step.run();
      await smtp.close();
      await testEnv.close();
    },
  };
}
