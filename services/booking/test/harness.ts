import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ALWAYS_OPEN, resolveBookingRules, type ResourceSnapshot } from '@slotwise/contracts';
import { loadConfig } from '@slotwise/platform/config';
import type { HttpApp } from '@slotwise/platform/http';
import {
  createServiceTestEnv,
  startTokenIssuer,
  type ServiceTestEnv,
  type TokenIssuer,
} from '@slotwise/testkit';
import { decodeJwt } from 'jose';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { configSchema } from '../src/config.js';
import { buildContainer, type Container } from '../src/container.js';

export const migrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

/**
 * The resource service's internal route, as its contract says (packages/contracts): it answers
 * snapshots the test puts in, refuses calls without a service token for 'resource', and can be
 * taken down. The real resource service has its own tests; the end-to-end tests run both.
 */
export interface ResourceStub {
  url: string;
  resources: Map<string, ResourceSnapshot>;
  calls: number;
  down: boolean;
  close(): Promise<void>;
}

async function startResourceStub(): Promise<ResourceStub> {
  const state = { resources: new Map<string, ResourceSnapshot>(), calls: 0, down: false };
  const server = createServer((request, response) => {
    const category = /^\/internal\/categories\/([^/?]+)\/resources$/.exec(request.url ?? '');
    const match = /^\/internal\/resources\/([^/?]+)$/.exec(request.url ?? '');
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const claims = token ? decodeJwt(token) : undefined;
    if (state.down) return void response.writeHead(503).end();
    if (!claims || claims.role !== 'SERVICE' || claims.aud !== 'resource') {
      return void response.writeHead(401, { 'content-type': 'application/json' }).end('{}');
    }
    state.calls += 1;
    if (category) {
      // As the resource service answers: ACTIVE units in the order they were added.
      const units = [...state.resources.values()].filter(
        (unit) => unit.categoryId === category[1] && unit.status === 'ACTIVE',
      );
      response.writeHead(units.length ? 200 : 404, { 'content-type': 'application/json' });
      return void response.end(JSON.stringify({ data: units }));
    }
    const snapshot = match ? state.resources.get(match[1]!) : undefined;
    if (!snapshot) {
      response.writeHead(404, { 'content-type': 'application/json' });
      return void response.end(
        JSON.stringify({ error: { code: 'NOT_FOUND', message: 'no', requestId: '-' } }),
      );
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ data: snapshot }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const stub: ResourceStub = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get resources() {
      return state.resources;
    },
    get calls() {
      return state.calls;
    },
    get down() {
      return state.down;
    },
    set down(value: boolean) {
      state.down = value;
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
  return stub;
}

export interface BookingHarness {
  app: HttpApp;
  container: Container;
  testEnv: ServiceTestEnv;
  resources: ResourceStub;
  issuer: TokenIssuer;
  /** A resource that can be booked: ACTIVE, of an ACTIVE verified business. */
  addResource(
    overrides?: Partial<Omit<ResourceSnapshot, 'business' | 'bookingRules'>> & {
      bookingRules?: Partial<ResourceSnapshot['bookingRules']>;
      business?: Partial<ResourceSnapshot['business']>;
    },
  ): ResourceSnapshot;
  tokenFor(role: 'CUSTOMER' | 'VENDOR' | 'ADMIN', userId?: string): Promise<string>;
  /**
   * Moves a booking in time so that it started `minutes` ago (its length kept): the only way to
   * get a booking that has begun, as none can be made in the past.
   */
  startedAgo(bookingId: string, minutes: number): Promise<void>;
  /** Another instance of the service on the same database and resource service. */
  anotherInstance(): Promise<{ app: HttpApp; container: Container; close(): Promise<void> }>;
  close(): Promise<void>;
}

export async function startBooking(env: Record<string, string> = {}): Promise<BookingHarness> {
  const resources = await startResourceStub();
  const testEnv = await createServiceTestEnv({ service: 'booking', migrationsDir, env: {} });
  const issuer = await startTokenIssuer(testEnv.keys);
  Object.assign(testEnv.env, {
    AUTH_SERVICE_URL: issuer.url,
    SERVICE_CLIENT_ID: 'booking',
    SERVICE_CLIENT_SECRET: 'booking-test-secret-0123456789',
    RESOURCE_SERVICE_URL: resources.url,
    RESOURCE_CACHE_TTL_MS: '0',
    AVAILABILITY_CACHE_TTL_MS: '0',
    DATABASE_POOL_MAX: '20',
    ...env,
  });
  const container = await buildContainer(loadConfig('booking', configSchema, testEnv.env));
  const app = await buildApp(container);
  await app.ready();
  await container.start();
  return {
    app,
    container,
    testEnv,
    resources,
    issuer,
    addResource: (overrides = {}) => {
      const { business, ...rest } = overrides;
      const snapshot: ResourceSnapshot = {
        id: randomUUID(),
        name: 'Room 101',
        type: 'HOTEL_ROOM',
        status: 'ACTIVE',
        price: '150.00',
        currency: 'USD',
        priceUnit: 'PER_BOOKING',
        categoryId: null,
        schedule: ALWAYS_OPEN,
        ...rest,
        bookingRules: resolveBookingRules(rest.bookingRules),
        business: {
          id: randomUUID(),
          name: 'Grand Hotel',
          ownerId: randomUUID(),
          status: 'ACTIVE',
          isVerified: true,
          timezone: 'UTC',
          confirmationWindowMinutes: 1_440,
          paymentMode: 'NONE',
          cancellationPolicy: { freeCancellationHours: 24, lateRefundPercent: 0 },
          maintenancePolicy: 'KEEP',
          ...business,
        },
      };
      resources.resources.set(snapshot.id, snapshot);
      return snapshot;
    },
    tokenFor: (role, userId = randomUUID()) => testEnv.keys.sign({ sub: userId, role }),
    anotherInstance: async () => {
      const other = await buildContainer(loadConfig('booking', configSchema, testEnv.env));
      const otherApp = await buildApp(other);
      await otherApp.ready();
      return {
        app: otherApp,
        container: other,
        close: async () => {
          await otherApp.close();
          for (const step of other.stopSteps) await step.run();
        },
      };
    },
    startedAgo: async (bookingId, minutes) => {
      await container.pool.query(
        `UPDATE bookings SET start_time = now() - make_interval(mins => $2),
           end_time = now() - make_interval(mins => $2) + (end_time - start_time) WHERE id = $1`,
        [bookingId, minutes],
      );
    },
    close: async () => {
      await app.close();
      for (const step of container.stopSteps) await step.run();
      await testEnv.close();
      await issuer.close();
      await resources.close();
    },
  };
}

/** A time `hours` from now, on a whole minute, as ISO. */
export function hoursFromNow(hours: number): string {
  const at = new Date(Date.now() + hours * 3_600_000);
  at.setUTCSeconds(0, 0);
  return at.toISOString();
}

export function errorCode(response: LightMyRequestResponse): string {
  return response.json<{ error: { code: string } }>().error.code;
}
