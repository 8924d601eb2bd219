import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { TokenVerifier } from '@slotwise/platform/auth';
import { loadConfig } from '@slotwise/platform/config';
import type { HttpApp } from '@slotwise/platform/http';
import { httpShutdownSteps } from '@slotwise/platform/service';
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
interface ServiceModule<
  Config extends { SHUTDOWN_DRAIN_MS: number },
  Container extends ServiceContainer,
> {
  configSchema: z.ZodType<Config>;
  buildContainer(config: Config): Promise<Container>;
  buildApp(container: Container): Promise<HttpApp>;
}

interface Running {
  name: string;
  app: HttpApp;
  container: ServiceContainer;
  url: string;
  /** Closes this instance at once. */
  stop: () => Promise<void>;
  /** Closes it as a SIGTERM does: readiness off, the drain, then the rest (run-service.ts). */
  shutdown: () => Promise<void>;
}

/**
 * The whole platform in one process, the way the launcher runs it: every service on its own
 * database and port, one event bus, real token issuance and verification, service-to-service
 * credentials and calls, and the gateway in front. Only SMTP is a capture server.
 */
export interface Platform {
  /** The first of `gateways`. */
  gateway: HttpApp;
  /** Every gateway (`gatewayReplicas`), each balancing over every instance behind it. */
  gateways: HttpApp[];
  smtp: SmtpCapture;
  /** The first instance of each service. */
  services: Record<string, Running>;
  /** Every instance of each service, on its own port (booking: `bookingReplicas` of them). */
  instances: Record<string, Running[]>;
  /**
   * Stops instance `index` of a service the way a SIGTERM does (readiness off, the drain of its
   * SHUTDOWN_DRAIN_MS, close) and starts it again on the same port, ready when this resolves.
   */
  restart(name: string, index: number): Promise<void>;
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
  /** Instances of the booking service, on one database, all behind the gateways (default 1). */
  bookingReplicas?: number;
  /** Gateways in front of the same services (default 1). */
  gatewayReplicas?: number;
  /** More variables for a service by name (`gateway` too), over the ones given here. */
  serviceEnv?: Record<string, Record<string, string>>;
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
  const instances: Record<string, Running[]> = {};
  const testEnvs: ServiceTestEnv[] = [];
  /** Starts one more instance of a service on a port (0: any free one). */
  const launchers = new Map<string, (port: number) => Promise<Running>>();

  /** A service on its own database: `replicas` instances of it, each on its own port. */
  async function start<
    Config extends { SHUTDOWN_DRAIN_MS: number },
    Container extends ServiceContainer,
  >(
    name: string,
    module: ServiceModule<Config, Container>,
    env: Record<string, string>,
    replicas = 1,
  ): Promise<Running> {
    const testEnv: ServiceTestEnv = await createServiceTestEnv({
      service: name,
      migrationsDir: migrations(name),
      events,
      // As in production: published outbox rows are deleted.
      env: { OUTBOX_KEEP_PUBLISHED_DAYS: '0', ...env, ...options.serviceEnv?.[name] },
    });
    testEnvs.push(testEnv);
    const launch = async (port: number): Promise<Running> => {
      const config = loadConfig(name, module.configSchema, testEnv.env);
      const container = await module.buildContainer(config);
      const app = await module.buildApp(container);
      const url = await app.listen({ port, host: '127.0.0.1' });
      await container.start();
      const run = async (steps: ServiceContainer['stopSteps']) => {
        for (const step of steps) await step.run();
      };
      return {
        name,
        app,
        container,
        url,
        stop: async () => {
          await app.close();
          await run(container.stopSteps);
        },
        shutdown: () =>
          run([...httpShutdownSteps(app, config.SHUTDOWN_DRAIN_MS), ...container.stopSteps]),
      };
    };
    launchers.set(name, launch);
    const started: Running[] = [];
    for (let index = 0; index < replicas; index += 1) started.push(await launch(0));
    instances[name] = started;
    services[name] = started[0]!;
    return started[0]!;
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
  await start(
    'booking',
    booking,
    {
      ...shared('booking'),
      RESOURCE_SERVICE_URL: resourceService.url,
      RESOURCE_CACHE_TTL_MS: '0',
      AVAILABILITY_CACHE_TTL_MS: '0',
    },
    options.bookingReplicas,
  );
  const paymentService = await start('payment', payment, {
    ...shared('payment'),
    PAYMENT_PROVIDER: 'simulated',
    // Amounts above this are declined by the simulated provider (a declined card).
    SIMULATED_DECLINE_ABOVE: '900.00',
  });

  const gatewayConfig = loadConfig('gateway', gateway.gatewayConfigSchema, {
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    BUSINESS_SERVICE_URL: businessService.url,
    RESOURCE_SERVICE_URL: resourceService.url,
    BOOKING_SERVICE_URL: instances.booking!.map((instance) => instance.url).join(','),
    PAYMENT_SERVICE_URL: paymentService.url,
    ...shared('gateway'),
    RATE_LIMIT_MAX: '100000',
    RATE_LIMIT_AUTH_MAX: '1000',
    RATE_LIMIT_BOOKING_MAX: '1000',
    ...options.serviceEnv?.gateway,
  });
  const gateways: { app: HttpApp; container: ReturnType<typeof gateway.buildContainer> }[] = [];
  for (let index = 0; index < (options.gatewayReplicas ?? 1); index += 1) {
    const container = gateway.buildContainer(gatewayConfig);
    const app = await gateway.buildApp(container);
    await app.ready();
    await container.start();
    gateways.push({ app, container });
  }

  return {
    gateway: gateways[0]!.app,
    gateways: gateways.map((g) => g.app),
    smtp,
    services,
    instances,
    ...(broker ? { broker } : {}),
    restart: async (name, index) => {
      const running = instances[name]?.[index];
      const launch = launchers.get(name);
      if (!running || !launch) throw new Error(`no instance ${index} of ${name}`);
      await running.shutdown();
      const again = await launch(Number(new URL(running.url).port));
      instances[name]![index] = again;
      if (index === 0) services[name] = again;
    },
    startedAgo: async (bookingId, minutes) => {
      const { rows } = await services.booking!.container.pool.query<{ start_time: Date }>(
        `UPDATE bookings SET start_time = date_trunc('minute', now()) - make_interval(mins => $2),
           end_time = date_trunc('minute', now()) - make_interval(mins => $2) + (end_time - start_time)
         WHERE id = $1 RETURNING start_time`,
        [bookingId, minutes],
      );
      return rows[0]!.start_time.toISOString();
    },
    close: async () => {
      for (const { app, container } of gateways) {
        await app.close();
        await container.close();
      }
      for (const running of Object.values(instances).flat().reverse()) await running.stop();
      for (const testEnv of testEnvs.reverse()) await testEnv.close();
      await broker?.close();
      await events.close();
      await smtp.close();
    },
  };
}
