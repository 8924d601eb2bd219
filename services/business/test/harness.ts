import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@slotwise/platform/config';
import type { HttpApp } from '@slotwise/platform/http';
import { createServiceTestEnv, defineFactory, type ServiceTestEnv } from '@slotwise/testkit';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { configSchema } from '../src/config.js';
import { buildContainer, type Container } from '../src/container.js';

export const migrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));
export const schemaPath = fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url));

export type Role = 'CUSTOMER' | 'VENDOR' | 'ADMIN';

/** Someone with a signed access token, as auth would have issued it. */
export interface Person {
  id: string;
  role: Role;
  token: string;
}

export interface BusinessJson {
  id: string;
  ownerId: string;
  name: string;
  description: string | null;
  type: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  timezone: string;
  confirmationWindowMinutes: number;
  paymentMode: string;
  cancellationPolicy: { freeCancellationHours: number; lateRefundPercent: number };
  maintenancePolicy: string;
  status: string;
  isVerified: boolean;
  verifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A business row as stored, read with SQL. */
export interface BusinessRow {
  id: string;
  owner_id: string;
  name: string;
  type: string;
  timezone: string;
  status: string;
  is_verified: boolean;
  verified_at: Date | null;
  version: number;
  description: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  confirmation_window_minutes: number;
  payment_mode: string;
  free_cancellation_hours: number;
  late_refund_percent: number;
  maintenance_policy: string;
  schedule: unknown;
}

export interface OutboxRow {
  type: string;
  version: number;
  aggregate_id: string;
  payload: { id: string; type: string; version: number; data: Record<string, unknown> };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The business service in-process on its own database, started like main.ts does. */
export interface BusinessHarness {
  app: HttpApp;
  container: Container;
  testEnv: ServiceTestEnv;
  person(role: Role): Promise<Person>;
  /** A service token for the business service's internal routes. */
  serviceToken(claims?: Record<string, unknown>): Promise<string>;
  call(
    method: Method,
    url: string,
    who?: Person | string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
  /** Creates a business for `owner` (a vendor) and returns it; verified when asked. */
  createBusiness(
    owner: Person,
    overrides?: Record<string, unknown>,
    options?: { verifiedBy?: Person },
  ): Promise<BusinessJson>;
  row(id: string): Promise<BusinessRow | undefined>;
  /** Outbox rows of one business, oldest first. */
  events(businessId: string): Promise<OutboxRow[]>;
  close(): Promise<void>;
}

export const businessInput = defineFactory<{
  name: string;
  type: string;
  description?: string;
  email?: string;
  phone?: string;
  address?: string;
  timezone?: string;
  confirmationWindowMinutes?: number;
  paymentMode?: string;
  cancellationPolicy?: { freeCancellationHours?: number; lateRefundPercent?: number };
  maintenancePolicy?: string;
}>((tag) => ({ name: `Business ${tag}`, type: 'HOTEL' }));

export async function startBusiness(): Promise<BusinessHarness> {
  const testEnv = await createServiceTestEnv({ service: 'business', migrationsDir });
  const container = await buildContainer(loadConfig('business', configSchema, testEnv.env));
  const app = await buildApp(container);
  await app.ready();
  await container.start();
  const { pool } = container;

  const call: BusinessHarness['call'] = (method, url, who, payload) =>
    app.inject({
      method,
      url,
      headers: who ? { authorization: `Bearer ${typeof who === 'string' ? who : who.token}` } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  return {
    app,
    container,
    testEnv,
    person: async (role) => {
      const id = randomUUID();
      return { id, role, token: await testEnv.keys.sign({ sub: id, role }) };
    },
    serviceToken: (claims = {}) =>
      testEnv.keys.sign({ sub: 'service:resource', role: 'SERVICE', aud: 'business', ...claims }),
    call,
    createBusiness: async (owner, overrides = {}, options = {}) => {
      const created = await call('POST', '/api/businesses', owner, businessInput(overrides));
      if (created.statusCode !== 201) throw new Error(`create failed: ${created.body}`);
      const business = created.json<{ data: BusinessJson }>().data;
      if (!options.verifiedBy) return business;
      const verified = await call(
        'PATCH',
        `/api/businesses/${business.id}/verify`,
        options.verifiedBy,
      );
      if (verified.statusCode !== 200) throw new Error(`verify failed: ${verified.body}`);
      return verified.json<{ data: BusinessJson }>().data;
    },
    row: async (id) =>
      (
        await pool.query<BusinessRow>(
          `SELECT id, owner_id, name, type, timezone, status, is_verified, verified_at, version,
                  description, email, phone, address, confirmation_window_minutes,
                  payment_mode, free_cancellation_hours, late_refund_percent, maintenance_policy,
                  schedule
             FROM businesses WHERE id = $1`,
          [id],
        )
      ).rows[0],
    events: async (businessId) =>
      (
        await pool.query<OutboxRow>(
          `SELECT type, version, aggregate_id, payload FROM outbox
            WHERE aggregate_id = $1 ORDER BY seq`,
          [businessId],
        )
      ).rows,
    close: async () => {
      await app.close();
      for (const step of container.stopSteps) await step.run();
      await testEnv.close();
    },
  };
}

export function errorOf(response: LightMyRequestResponse): {
  code: string;
  message: string;
  details?: { fields?: { field: string; message: string }[] };
} {
  return response.json<{ error: ReturnType<typeof errorOf> }>().error;
}

/** The fields a 400 names, e.g. ['body.ownerId']. */
export function badFields(response: LightMyRequestResponse): string[] {
  return (errorOf(response).details?.fields ?? []).map((f) => f.field);
}
