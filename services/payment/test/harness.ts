import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@slotwise/platform/config';
import type { HttpApp } from '@slotwise/platform/http';
import { createLogger, type Logger } from '@slotwise/platform/logger';
import { createServiceTestEnv, defineFactory, type ServiceTestEnv } from '@slotwise/testkit';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { configSchema } from '../src/config.js';
import { buildContainer, type Container } from '../src/container.js';
import type { BookingCharge } from '../src/payments/payment.types.js';

export const migrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));
export const schemaPath = fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url));

export const PUBLIC_URL = 'http://gateway.test';

export type Role = 'CUSTOMER' | 'VENDOR' | 'ADMIN';

export interface Person {
  id: string;
  role: Role;
  token: string;
}

export interface PaymentJson {
  id: string;
  bookingId: string;
  kind: string;
  userId: string;
  businessId: string;
  amount: string;
  currency: string;
  status: string;
  refundedAmount: string;
  provider: string;
  checkoutUrl: string;
  failureReason: string | null;
  expiresAt: string | null;
  paidAt: string | null;
  attempts: { at: string; outcome: string; error: string | null }[];
  createdAt: string;
  updatedAt: string;
}

export interface OutboxRow {
  type: string;
  version: number;
  aggregate_id: string;
  payload: { id: string; type: string; version: number; data: Record<string, unknown> };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface PaymentHarness {
  app: HttpApp;
  container: Container;
  testEnv: ServiceTestEnv;
  person(role: Role): Promise<Person>;
  serviceToken(): Promise<string>;
  call(
    method: Method,
    url: string,
    who?: Person | string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
  /** A PENDING payment of `customer` at `vendor`'s business, made as the consumer would. */
  createPayment(
    customer: Person,
    vendor: Person,
    overrides?: Partial<BookingCharge>,
  ): Promise<PaymentJson>;
  /** The payment as its customer reads it. */
  read(payment: { id: string }, who: Person): Promise<PaymentJson>;
  /** Pays (or declines) through the simulate route, as its customer. */
  simulate(
    payment: { id: string },
    customer: Person,
    outcome?: 'succeed' | 'decline',
  ): Promise<PaymentJson>;
  /** Outbox rows of one payment, oldest first. */
  events(paymentId: string): Promise<OutboxRow[]>;
  /** What the simulated provider recorded for a payment, oldest first. */
  ledger(paymentId: string): Promise<{ operation: string; amount: string | null }[]>;
  row(paymentId: string): Promise<Record<string, unknown> | undefined>;
  close(): Promise<void>;
}

export const bookingCharge = defineFactory<BookingCharge>(() => ({
  bookingId: randomUUID(),
  kind: 'PREPAY',
  userId: randomUUID(),
  businessId: randomUUID(),
  vendorId: randomUUID(),
  amount: '150.00',
  currency: 'USD',
  businessName: 'Hotel Test',
  description: 'Room 101, 1–3 December',
}));

export async function startPayment(
  options: { env?: Record<string, string>; random?: () => number; logger?: Logger } = {},
): Promise<PaymentHarness> {
  const testEnv = await createServiceTestEnv({
    service: 'payment',
    migrationsDir,
    env: {
      PUBLIC_URL,
      PROVIDER_RETRY_INITIAL_MS: '1',
      PROVIDER_RETRY_MAX_MS: '5',
      ...options.env,
    },
  });
  const container = await buildContainer(loadConfig('payment', configSchema, testEnv.env), {
    ...(options.random ? { random: options.random } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const app = await buildApp(container);
  await app.ready();
  await container.start();
  const { pool } = container;

  const call: PaymentHarness['call'] = (method, url, who, payload) =>
    app.inject({
      method,
      url,
      headers: who ? { authorization: `Bearer ${typeof who === 'string' ? who : who.token}` } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  const read: PaymentHarness['read'] = async (payment, who) => {
    const response = await call('GET', `/api/payments/${payment.id}`, who);
    if (response.statusCode !== 200) throw new Error(`read failed: ${response.body}`);
    return response.json<{ data: PaymentJson }>().data;
  };

  return {
    app,
    container,
    testEnv,
    person: async (role) => {
      const id = randomUUID();
      return { id, role, token: await testEnv.keys.sign({ sub: id, role }) };
    },
    serviceToken: () =>
      testEnv.keys.sign({ sub: 'service:booking', role: 'SERVICE', aud: 'slotwise-api' }),
    call,
    createPayment: async (customer, vendor, overrides = {}) => {
      const { payment } = await container.payments.createForBooking(
        bookingCharge({ userId: customer.id, vendorId: vendor.id, ...overrides }),
      );
      return read(payment, customer);
    },
    read,
    simulate: async (payment, customer, outcome = 'succeed') => {
      const response = await call('POST', `/api/payments/${payment.id}/simulate`, customer, {
        outcome,
      });
      if (response.statusCode !== 200) throw new Error(`simulate failed: ${response.body}`);
      return response.json<{ data: PaymentJson }>().data;
    },
    events: async (paymentId) =>
      (
        await pool.query<OutboxRow>(
          `SELECT type, version, aggregate_id, payload FROM outbox
            WHERE aggregate_id = $1 ORDER BY seq`,
          [paymentId],
        )
      ).rows,
    ledger: async (paymentId) =>
      (
        await pool.query<{ operation: string; amount: string | null }>(
          `SELECT operation, amount::text AS amount FROM simulated_provider_ledger
            WHERE payment_id = $1 ORDER BY created_at, operation`,
          [paymentId],
        )
      ).rows,
    row: async (paymentId) =>
      (
        await pool.query<Record<string, unknown>>(
          `SELECT status, amount::text AS amount, refunded_amount::text AS refunded_amount,
                  provider_ref, checkout_url, checkout_attempt, failure_reason, cancelled_at,
                  version
             FROM payments WHERE id = $1`,
          [paymentId],
        )
      ).rows[0],
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

/** A logger whose lines the test reads back (JSON objects, oldest first). */
export function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    service: 'payment',
    level: 'info',
    destination: {
      write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
    },
  });
  return { logger, lines };
}

/** A scripted die for the simulated provider: the given throws, then never a failure. */
export function scriptedRandom(): { random: () => number; next: (...values: number[]) => void } {
  const queue: number[] = [];
  return { random: () => queue.shift() ?? 0.99, next: (...values) => void queue.push(...values) };
}

/** The checkout page's session reference, from a payment's checkoutUrl. */
export function checkoutPathOf(payment: { checkoutUrl: string }): string {
  return new URL(payment.checkoutUrl).pathname;
}
