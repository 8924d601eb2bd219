import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { TokenVerifier } from '@slotwise/platform/auth';
import { loadConfig } from '@slotwise/platform/config';
import type { HttpApp } from '@slotwise/platform/http';
import {
  createEventsTestEnv,
  createServiceTestEnv,
  startSmtpCapture,
  startTcpProxy,
  type EventsTestEnv,
  type ServiceTestEnv,
  type SmtpCapture,
  type TcpProxy,
} from '@slotwise/testkit';
import type { z } from 'zod';
import * as auth from '../services/auth/src/index-for-tests.js';
import * as booking from '../services/booking/src/index-for-tests.js';
import * as business from '../services/business/src/index-for-tests.js';
import * as gateway from '../services/gateway/src/index-for-tests.js';
import * as notification from '../services/notification/src/index-for-tests.js';
import * as payment from '../services/payment/src/index-for-tests.js';
import * as resource from '../services/resource/src/index-for-tests.js';

export const ADMIN = { email: 'admin@slotwise.test', password: 'e2e-admin-password' };

const migrations = (service: string): string =>
  fileURLToPath(new URL(`../services/${service}/prisma/migrations`, import.meta.url));
const secret = (name: string): string => `${name}-e2e-secret-0123456789`;

export interface ServiceContainer {
  start(): Promise<void>;
  stopSteps: { run: () => Promise<void> | void }[];
  verifier: TokenVerifier;
  pool: pg.Pool;
}

/** What each service module offers its tests: its config schema, container and app. */
interface ServiceModule<Config, Container extends ServiceContainer> {
  configSchema: z.ZodType<Config>;
  buildContainer(config: Config): Promise<Container>;
  buildApp(container: Container): Promise<HttpApp>;
}

interface Running {
  name: string;
  app: HttpApp;
  container: ServiceContainer;
  url: string;
  stop: () => Promise<void>;
}

/**
 * The whole platform in one process, the way the launcher runs it: every service on its own
 * database and port, one event bus, real token issuance and verification, service-to-service
 * credentials and calls, and the gateway in front. Only SMTP is a capture server.
 */
export interface Platform {
  gateway: HttpApp;
  smtp: SmtpCapture;
  services: Record<string, Running>;
  /**
   * With `brokerProxy`: the TCP proxy every service reaches the event bus through (RabbitMQ, or
   * pg-boss's events database), to cut and restore as an outage of the broker alone.
   */
  broker?: TcpProxy;
  /**
   * Moves a booking so that it began `minutes` ago (its length kept) and answers its new start:
   * the only way to a stay that has begun, as none can be booked in the past.
   */
  startedAgo(bookingId: string, minutes: number): Promise<string>;
  close(): Promise<void>;
}

export interface PlatformOptions {
  /** Every service reaches the event bus through a TCP proxy the test can cut (`broker`). */
  brokerProxy?: boolean;
}

/** Puts the event bus `events` names behind a TCP proxy: its URL is rewritten to the proxy's. */
async function proxyEvents(events: EventsTestEnv): Promise<TcpProxy> {
  const key = events.env.AMQP_URL ? 'AMQP_URL' : 'EVENTS_DATABASE_URL';
  const url = new URL(events.env[key]!);
  const proxy = await startTcpProxy({
    host: url.hostname,
    port: Number(url.port || (key === 'AMQP_URL' ? 5672 : 5432)),
  });
  events.env[key] = proxy.rewrite(events.env[key]!);
  return proxy;
}

export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const smtp = await startSmtpCapture();
  const events: EventsTestEnv = await createEventsTestEnv();
  const broker = options.brokerProxy ? await proxyEvents(events) : undefined;
  const services: Record<string, Running> = {};

  async function start<Config, Container extends ServiceContainer>(
    name: string,
    module: ServiceModule<Config, Container>,
    env: Record<string, string>,
  ): Promise<Running> {
    const testEnv: ServiceTestEnv = await createServiceTestEnv({
      service: name,
      migrationsDir: migrations(name),
      events,
      // As in production: published outbox rows are deleted.
      env: { OUTBOX_KEEP_PUBLISHED_DAYS: '0', ...env },
    });
    const container = await module.buildContainer(
      loadConfig(name, module.configSchema, testEnv.env),
    );
    const app = await module.buildApp(container);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    await container.start();
    const running: Running = {
      name,
      app,
      container,
      url,
      stop: async () => {
        await app.close();
        for (const step of container.stopSteps) await step.run();
        await testEnv.close();
      },
    };
    services[name] = running;
    return running;
  }

  const callers = ['gateway', 'business', 'resource', 'booking', 'payment'];
  const authService = await start('auth', auth, {
    BCRYPT_COST: '4',
    COOKIE_SECURE: 'false',
    AUTH_SECRET: 'e'.repeat(40),
    ENUMERATION_FLOOR_MS: '50',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SERVICE_CLIENTS: callers.map((c) => `${c}:${secret(c)}`).join(','),
  });
  const shared = (name: string): Record<string, string> => ({
    AUTH_SERVICE_URL: authService.url,
    AUTH_JWKS_URL: `${authService.url}/api/auth/.well-known/jwks.json`,
    SERVICE_CLIENT_ID: name,
    SERVICE_CLIENT_SECRET: secret(name),
    REVOCATION_SYNC_INTERVAL_MS: '500',
  });
  await start('notification', notification, {
    SMTP_URL: smtp.url,
    NOTIFICATION_RETRY_INITIAL_MS: '200',
    NOTIFICATION_RETRY_MAX_MS: '1000',
    NOTIFICATION_MAX_ATTEMPTS: '8',
  });
  const businessService = await start('business', business, shared('business'));
  const resourceService = await start('resource', resource, {
    ...shared('resource'),
    BUSINESS_SERVICE_URL: businessService.url,
  });
  const bookingService = await start('booking', booking, {
    ...shared('booking'),
    RESOURCE_SERVICE_URL: resourceService.url,
    RESOURCE_CACHE_TTL_MS: '0',
    AVAILABILITY_CACHE_TTL_MS: '0',
  });
  const paymentService = await start('payment', payment, {
    ...shared('payment'),
    PAYMENT_PROVIDER: 'simulated',
    // Amounts above this are declined by the simulated provider (a declined card).
    SIMULATED_DECLINE_ABOVE: '900.00',
  });

  const gatewayC = gateway.buildContainer(
    loadConfig('gateway', gateway.gatewayConfigSchema, {
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      BUSINESS_SERVICE_URL: businessService.url,
      RESOURCE_SERVICE_URL: resourceService.url,
      BOOKING_SERVICE_URL: bookingService.url,
      PAYMENT_SERVICE_URL: paymentService.url,
      ...shared('gateway'),
      RATE_LIMIT_MAX: '100000',
      RATE_LIMIT_AUTH_MAX: '1000',
      RATE_LIMIT_BOOKING_MAX: '1000',
    }),
  );
  const gatewayApp = await gateway.buildApp(gatewayC);
  await gatewayApp.ready();
  await gatewayC.start();

  return {
    gateway: gatewayApp,
    smtp,
    services,
    ...(broker ? { broker } : {}),
    startedAgo: async (bookingId, minutes) => {
      const { rows } = await bookingService.container.pool.query<{ start_time: Date }>(
        `UPDATE bookings SET start_time = date_trunc('minute', now()) - make_interval(mins => $2),
           end_time = date_trunc('minute', now()) - make_interval(mins => $2) + (end_time - start_time)
         WHERE id = $1 RETURNING start_time`,
        [bookingId, minutes],
      );
      return rows[0]!.start_time.toISOString();
    },
    close: async () => {
      await gatewayApp.close();
      await gatewayC.close();
      for (const running of Object.values(services).reverse()) await running.stop();
      await broker?.close();
      await events.close();
      await smtp.close();
    },
  };
}
