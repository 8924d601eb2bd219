import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { BookingRules, BusinessSummary, Schedule } from '@slotwise/contracts';
import { loadConfig } from '@slotwise/platform/config';
import { createEvent, createEventTransport, type EventTransport } from '@slotwise/platform/events';
import type { HttpApp } from '@slotwise/platform/http';
import { createLogger } from '@slotwise/platform/logger';
import {
  createServiceTestEnv,
  defineFactory,
  waitFor,
  type ServiceTestEnv,
} from '@slotwise/testkit';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { configSchema } from '../src/config.js';
import { buildContainer, type Container } from '../src/container.js';
import { CLIENT, startFakeUpstreams, type FakeUpstreams } from './fake-upstreams.js';

export const migrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

export interface Actor {
  id: string;
  role: 'CUSTOMER' | 'VENDOR' | 'ADMIN';
  headers: Record<string, string>;
}

export interface Vendor extends Actor {
  business: BusinessSummary;
}

/**
 * The resource service in-process on its own database, started like main.ts does (outbox relay,
 * business-event consumer), the fake auth + business upstreams it calls, and a publisher of
 * `business.*` events on the same bus, as the business service would publish them.
 */
export interface ResourceHarness {
  app: HttpApp;
  container: Container;
  testEnv: ServiceTestEnv;
  upstreams: FakeUpstreams;
  /** A vendor whose business the business service knows (ACTIVE and verified unless overridden). */
  vendor(business?: Partial<BusinessSummary>): Promise<Vendor>;
  actor(role: Actor['role']): Promise<Actor>;
  /**
   * Publishes `type` for the business with that version; give `schedule` for
   * `business.schedule_changed`.
   */
  publishBusiness(
    type: string,
    business: BusinessSummary & { schedule?: Schedule },
    version: number,
  ): Promise<void>;
  sql<T extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function startResource(env: Record<string, string> = {}): Promise<ResourceHarness> {
  const testEnv = await createServiceTestEnv({ service: 'resource', migrationsDir });
  const upstreams = await startFakeUpstreams(testEnv.keys);
  const config = loadConfig('resource', configSchema, {
    ...testEnv.env,
    AUTH_SERVICE_URL: upstreams.url,
    BUSINESS_SERVICE_URL: upstreams.url,
    SERVICE_CLIENT_ID: CLIENT.id,
    SERVICE_CLIENT_SECRET: CLIENT.secret,
    SERVICE_CALL_TIMEOUT_MS: '1000',
    ...env,
  });
  const container = await buildContainer(config);
  const app = await buildApp(container);
  await app.ready();
  await container.start();
  const publisher: EventTransport = await createEventTransport({
    amqpUrl: config.AMQP_URL,
    eventsDatabaseUrl: config.EVENTS_DATABASE_URL,
    prefix: config.EVENTS_PREFIX,
    logger: createLogger({ service: 'business-test', level: 'silent' }),
  });
  // RabbitMQ connections are made in the background: publish only once both ends are up.
  await waitFor(() => publisher.healthCheck(), { timeoutMs: 10_000 });
  await waitFor(() => container.transport.healthCheck(), { timeoutMs: 10_000 });

  const actor = async (role: Actor['role'], id: string = randomUUID()): Promise<Actor> => {
    const token = await testEnv.keys.sign({ sub: id, role });
    return { id, role, headers: { authorization: `Bearer ${token}` } };
  };

  return {
    app,
    container,
    testEnv,
    upstreams,
    actor: (role) => actor(role),
    vendor: async (overrides = {}) => {
      const vendor = await actor('VENDOR');
      const business = buildBusiness({ ownerId: vendor.id, ...overrides });
      upstreams.businesses.set(business.id, business);
      return { ...vendor, business };
    },
    publishBusiness: async (type, business, version) => {
      const data = { ...business, previousStatus: business.status, changedBy: null };
      await publisher.publish([createEvent({ type, aggregateId: business.id, version, data })]);
    },
    sql: async <T extends object>(text: string, params: unknown[] = []) =>
      (await container.pool.query<T>(text, params)).rows,
    close: async () => {
      await publisher.close();
      await app.close();
      for (const step of container.stopSteps) await step.run();
      await upstreams.close();
      await testEnv.close();
    },
  };
}

export const buildBusiness = defineFactory<BusinessSummary>((tag) => ({
  id: randomUUID(),
  name: `Business ${tag}`,
  ownerId: randomUUID(),
  status: 'ACTIVE',
  isVerified: true,
  timezone: 'UTC',
  confirmationWindowMinutes: 1_440,
  paymentMode: 'NONE',
  cancellationPolicy: { freeCancellationHours: 24, lateRefundPercent: 0 },
  maintenancePolicy: 'KEEP',
}));

/** A request body: any field may be overridden with anything, to try what the API refuses. */
export interface ResourceBody {
  name: string;
  [field: string]: unknown;
}

export const resourceBody = defineFactory<ResourceBody>((tag) => ({
  name: `Room ${tag}`,
  type: 'HOTEL_ROOM',
  price: '100.00',
  currency: 'USD',
}));

export interface ResourceJson {
  id: string;
  businessId: string;
  name: string;
  type: string;
  categoryId: string | null;
  description: string | null;
  price: string;
  currency: string;
  priceUnit: string;
  metadata: Record<string, unknown>;
  bookingRules: BookingRules;
  status: string;
  createdAt: string;
  updatedAt: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export function call(
  h: ResourceHarness,
  method: Method,
  url: string,
  who?: Actor,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method,
    url,
    headers: who?.headers ?? {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** Creates a resource through the API, failing the test with the answer if it is refused. */
export async function createResource(
  h: ResourceHarness,
  vendor: Vendor,
  overrides: Partial<ResourceBody> = {},
): Promise<ResourceJson> {
  const response = await call(h, 'POST', '/api/resources', vendor, resourceBody(overrides));
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.body}`);
  return response.json<{ data: ResourceJson }>().data;
}

export async function createCategory(
  h: ResourceHarness,
  vendor: Vendor,
  name: string,
): Promise<{ id: string; name: string; businessId: string }> {
  const response = await call(h, 'POST', '/api/resources/categories', vendor, { name });
  if (response.statusCode !== 201) throw new Error(`category failed: ${response.body}`);
  return response.json<{ data: { id: string; name: string; businessId: string } }>().data;
}

/** A service token as booking holds one for this service. */
export async function bookingHeaders(h: ResourceHarness): Promise<Record<string, string>> {
  const token = await h.testEnv.keys.sign({
    sub: 'service:booking',
    role: 'SERVICE',
    aud: 'resource',
  });
  return { authorization: `Bearer ${token}` };
}

export function errorOf(response: LightMyRequestResponse): {
  code: string;
  details?: Record<string, unknown>;
} {
  return response.json<{ error: { code: string; details?: Record<string, unknown> } }>().error;
}
