import { fileURLToPath } from 'node:url';
import type { TokenVerifier } from '@slotwise/platform/auth';
import { loadConfig } from '@slotwise/platform/config';
import type { HttpApp } from '@slotwise/platform/http';
import {
  createEventsTestEnv,
  createServiceTestEnv,
  startSmtpCapture,
  type EventsTestEnv,
  type ServiceTestEnv,
  type SmtpCapture,
} from '@slotwise/testkit';
import { buildApp as authApp } from '../services/auth/src/app.js';
import { configSchema as authConfig } from '../services/auth/src/config.js';
import { buildContainer as authContainer } from '../services/auth/src/container.js';
import { buildApp as businessApp } from '../services/business/src/app.js';
import { configSchema as businessConfig } from '../services/business/src/config.js';
import { buildContainer as businessContainer } from '../services/business/src/container.js';
import { buildApp as gatewayApp } from '../services/gateway/src/app.js';
import { gatewayConfigSchema } from '../services/gateway/src/config.js';
import { buildContainer as gatewayContainer } from '../services/gateway/src/container.js';
import { buildApp as notificationApp } from '../services/notification/src/app.js';
import { configSchema as notificationConfig } from '../services/notification/src/config.js';
import { buildContainer as notificationContainer } from '../services/notification/src/container.js';

export const ADMIN = { email: 'admin@slotwise.test', password: 'e2e-admin-password' };

const migrations = (service: string) =>
  fileURLToPath(new URL(`../services/${service}/prisma/migrations`, import.meta.url));

interface Running {
  name: string;
  app: HttpApp;
  container: ServiceContainer;
  url: string;
  stop: () => Promise<void>;
  testEnv?: ServiceTestEnv;
}

/**
 * The whole platform in one process, the way the launcher runs it: every service on its own
 * database and port, one event bus, real token issuance and verification, service-to-service
 * credentials, and the gateway in front. Only SMTP is a capture server.
 */
export interface Platform {
  gateway: HttpApp;
  smtp: SmtpCapture;
  services: Record<string, Running>;
  close(): Promise<void>;
}

const secret = (name: string) => `${name}-e2e-secret-0123456789`;

export async function startPlatform(
  options: { smtpDownAtStart?: boolean } = {},
): Promise<Platform> {
  const smtp = await startSmtpCapture();
  if (options.smtpDownAtStart) smtp.setDown(true);
  const events: EventsTestEnv = await createEventsTestEnv();
  const services: Record<string, Running> = {};
  const clients = ['gateway', 'business', 'resource', 'booking'];

  const authEnv = await createServiceTestEnv({
    service: 'auth',
    migrationsDir: migrations('auth'),
    events,
    env: {
      BCRYPT_COST: '4',
      COOKIE_SECURE: 'false',
      AUTH_SECRET: 'e'.repeat(40),
      ENUMERATION_FLOOR_MS: '50',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SERVICE_CLIENTS: clients.map((c) => `${c}:${secret(c)}`).join(','),
    },
  });
  const authC = await authContainer(loadConfig('auth', authConfig, authEnv.env));
  services.auth = await serve('auth', await authApp(authC), authC, authEnv);
  const authUrl = services.auth.url;
  const shared = (name: string) => ({
    AUTH_SERVICE_URL: authUrl,
    AUTH_JWKS_URL: `${authUrl}/api/auth/.well-known/jwks.json`,
    SERVICE_CLIENT_ID: name,
    SERVICE_CLIENT_SECRET: secret(name),
    REVOCATION_SYNC_INTERVAL_MS: '500',
  });

  const notificationEnv = await createServiceTestEnv({
    service: 'notification',
    migrationsDir: migrations('notification'),
    events,
    env: {
      SMTP_URL: smtp.url,
      NOTIFICATION_RETRY_INITIAL_MS: '200',
      NOTIFICATION_RETRY_MAX_MS: '1000',
      NOTIFICATION_MAX_ATTEMPTS: '8',
    },
  });
  const notificationC = await notificationContainer(
    loadConfig('notification', notificationConfig, notificationEnv.env),
  );
  services.notification = await serve(
    'notification',
    await notificationApp(notificationC),
    notificationC,
    notificationEnv,
  );

  const businessEnv = await createServiceTestEnv({
    service: 'business',
    migrationsDir: migrations('business'),
    events,
    env: shared('business'),
  });
  const businessC = await businessContainer(
    loadConfig('business', businessConfig, businessEnv.env),
  );
  services.business = await serve('business', await businessApp(businessC), businessC, businessEnv);

  const gatewayC = gatewayContainer(
    loadConfig('gateway', gatewayConfigSchema, {
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      BUSINESS_SERVICE_URL: services.business.url,
      RESOURCE_SERVICE_URL: services.business.url,
      BOOKING_SERVICE_URL: services.business.url,
      ...shared('gateway'),
      RATE_LIMIT_MAX: '100000',
      RATE_LIMIT_AUTH_MAX: '1000',
    }),
  );
  const gateway = await gatewayApp(gatewayC);
  await gateway.ready();
  gatewayC.start();

  return {
    gateway,
    smtp,
    services,
    close: async () => {
      await gateway.close();
      await gatewayC.close();
      for (const running of Object.values(services).reverse()) await running.stop();
      await events.close();
      await smtp.close();
    },
  };
}

export interface ServiceContainer {
  start(): Promise<void>;
  stopSteps: { run: () => Promise<void> | void }[];
  verifier: TokenVerifier;
}

async function serve(
  name: string,
  app: HttpApp,
  container: ServiceContainer,
  testEnv: ServiceTestEnv,
): Promise<Running> {
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  await container.start();
  return {
    name,
    app,
    container,
    url,
    testEnv,
    stop: async () => {
      await app.close();
      for (const step of container.stopSteps) await step.run();
      await testEnv.close();
    },
  };
}
