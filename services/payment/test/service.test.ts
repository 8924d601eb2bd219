import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itBehavesLikeAService } from '@slotwise/testkit';
import { configSchema } from '../src/config.js';
import { bookingCharge, schemaPath, startPayment, type PaymentHarness } from './harness.js';

describe('payment service', () => {
  let h: PaymentHarness;

  beforeAll(async () => {
    h = await startPayment();
  });
  afterAll(async () => {
    await h.close();
  });

  itBehavesLikeAService(
    {
      service: 'payment',
      schemaPath,
      configSchema,
      databaseRequest: async () => ({
        method: 'GET',
        url: '/api/payments',
        headers: { authorization: `Bearer ${await h.testEnv.keys.sign()}` },
      }),
    },
    () => ({
      app: h.app,
      databaseUrl: h.testEnv.db.url,
      env: h.testEnv.env,
      pool: h.container.pool,
    }),
  );

  it('documents every public route in its OpenAPI document, the callbacks without a token', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    type Operation = { security?: Record<string, string[]>[] };
    const { paths } = response.json<{ paths: Record<string, Record<string, Operation>> }>();
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/payments',
        '/api/payments/{id}',
        '/api/payments/{id}/retry',
        '/api/payments/{id}/refund',
        '/api/payments/{id}/simulate',
        '/api/payments/checkout/{sessionRef}',
        '/api/payments/webhooks/{provider}',
      ]),
    );
    expect(paths['/api/payments/{id}']?.get?.security).toEqual([{ bearerAuth: [] }]);
    expect(paths['/api/payments/webhooks/{provider}']?.post?.security).toEqual([]);
    expect(paths['/api/payments/checkout/{sessionRef}']?.get?.security).toEqual([]);
  });

  it('refuses to start as stripe without its key and webhook secret, naming both', () => {
    const { success, error } = configSchema.safeParse({
      ...h.testEnv.env,
      PAYMENT_PROVIDER: 'stripe',
    });
    expect(success).toBe(false);
    const names = error?.issues.map((issue) => issue.path.join('.'));
    expect(names).toEqual(expect.arrayContaining(['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']));
  });

  it('holds the money invariants in the database too', async () => {
    const { payment } = await h.container.payments.createForBooking(bookingCharge());
    const update = (sql: string) =>
      h.container.pool.query(`UPDATE payments SET ${sql} WHERE id = $1`, [payment.id]);
    // Never more refunded than paid; the status says how much was; a paid payment has paidAt.
    await expect(
      update(`status = 'REFUNDED', refunded_amount = 200, paid_at = now()`),
    ).rejects.toThrow(/payments_refund_bounds/);
    await expect(
      update(`status = 'REFUNDED', refunded_amount = 100, paid_at = now()`),
    ).rejects.toThrow(/payments_refund_status/);
    await expect(update(`status = 'PENDING', refunded_amount = 1`)).rejects.toThrow(
      /payments_refund_status/,
    );
    await expect(update(`status = 'SUCCEEDED'`)).rejects.toThrow(/payments_paid_at_set/);
    await expect(update(`status = 'FAILED'`)).rejects.toThrow(/payments_failure_reason_set/);
    await expect(update(`amount = 0`)).rejects.toThrow(/payments_amount_positive/);
  });
});
