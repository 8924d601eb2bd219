import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATED_SIGNATURE_HEADER } from '../src/providers/simulated/simulated.provider.js';
import {
  errorOf,
  startPayment,
  type PaymentHarness,
  type PaymentJson,
  type Person,
} from './harness.js';

describe('POST /api/payments/webhooks/:provider', () => {
  let h: PaymentHarness;
  let customer: Person;
  let vendor: Person;

  /** A delivery as the simulated provider makes it, signed unless told otherwise. */
  async function event(
    payment: PaymentJson,
    type: 'checkout.succeeded' | 'checkout.declined',
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    const row = await h.row(payment.id);
    return JSON.stringify({
      id: `evt_${randomUUID()}`,
      type,
      paymentId: payment.id,
      sessionId: row!.provider_ref,
      chargeId: type === 'checkout.succeeded' ? 'sim_ch_test' : null,
      error: type === 'checkout.declined' ? 'Card declined' : null,
      created: Math.floor(Date.now() / 1000),
      ...overrides,
    });
  }

  const deliver = (
    body: string,
    signature = h.container.simulated.sign(body),
    provider = 'simulated',
  ) =>
    h.app.inject({
      method: 'POST',
      url: `/api/payments/webhooks/${provider}`,
      headers: { 'content-type': 'application/json', [SIMULATED_SIGNATURE_HEADER]: signature },
      payload: body,
    });

  const result = (response: { json: <T>() => T }) =>
    response.json<{ data: { received: boolean; duplicate: boolean; applied: boolean } }>().data;

  beforeAll(async () => {
    h = await startPayment();
    customer = await h.person('CUSTOMER');
    vendor = await h.person('VENDOR');
  });
  afterAll(async () => {
    await h.close();
  });

  it('applies a success once: the same event delivered twice changes nothing the second time', async () => {
    const payment = await h.createPayment(customer, vendor);
    const body = await event(payment, 'checkout.succeeded');
    const first = await deliver(body);
    expect(first.statusCode).toBe(200);
    expect(result(first)).toEqual({ received: true, duplicate: false, applied: true });
    const before = await h.row(payment.id);
    const second = await deliver(body);
    expect(second.statusCode).toBe(200);
    expect(result(second)).toEqual({ received: true, duplicate: true, applied: false });
    expect(await h.row(payment.id)).toEqual(before);
    expect((await h.events(payment.id)).map((e) => e.type)).toEqual([
      'payment.created',
      'payment.succeeded',
    ]);
    expect((await h.read(payment, customer)).attempts.map((a) => a.outcome)).toEqual([
      'CHECKOUT_CREATED',
      'SUCCEEDED',
    ]);
  });

  it('never moves a payment backwards: a failure after a success, or a second success, change nothing', async () => {
    const payment = await h.createPayment(customer, vendor);
    await deliver(await event(payment, 'checkout.succeeded'));
    const before = await h.row(payment.id);
    const late = await deliver(await event(payment, 'checkout.declined'));
    expect(result(late)).toEqual({ received: true, duplicate: false, applied: false });
    const again = await deliver(
      await event(payment, 'checkout.succeeded', { chargeId: 'sim_ch_2' }),
    );
    expect(result(again).applied).toBe(false);
    expect(await h.row(payment.id)).toEqual(before);
    expect(await h.events(payment.id)).toHaveLength(2);
  });

  it('applies a success that arrives after a failure: the money was taken', async () => {
    const payment = await h.createPayment(customer, vendor);
    await deliver(await event(payment, 'checkout.declined'));
    expect((await h.read(payment, customer)).status).toBe('FAILED');
    const success = await deliver(await event(payment, 'checkout.succeeded'));
    expect(result(success).applied).toBe(true);
    expect(await h.read(payment, customer)).toMatchObject({
      status: 'SUCCEEDED',
      failureReason: null,
    });
    expect((await h.events(payment.id)).map((e) => [e.type, e.version])).toEqual([
      ['payment.created', 1],
      ['payment.failed', 2],
      ['payment.succeeded', 3],
    ]);
  });

  it('ignores a failure of a checkout that a retry replaced', async () => {
    const payment = await h.createPayment(customer, vendor);
    const oldSession = (await h.row(payment.id))!.provider_ref;
    await h.simulate(payment, customer, 'decline');
    expect((await h.call('POST', `/api/payments/${payment.id}/retry`, customer)).statusCode).toBe(
      202,
    );
    const stale = await deliver(
      await event(payment, 'checkout.declined', {
        sessionId: oldSession,
        id: `evt_${randomUUID()}`,
      }),
    );
    expect(result(stale).applied).toBe(false);
    expect((await h.read(payment, customer)).status).toBe('PENDING');
  });

  it('refuses a bad signature with 400 and changes nothing, not even the record of events', async () => {
    const payment = await h.createPayment(customer, vendor);
    const body = await event(payment, 'checkout.succeeded');
    const before = await h.row(payment.id);
    const timestamp = Math.floor(Date.now() / 1000);
    const forged: [string, string][] = [
      [body, 'nonsense'],
      [body, `t=${timestamp},v1=${'0'.repeat(64)}`],
      // Signed, then changed on the way.
      [body.replace('sim_ch_test', 'sim_ch_evil'), h.container.simulated.sign(body)],
      // Signed long ago (a replay).
      [body, h.container.simulated.sign(body, timestamp - 3_600)],
      [body, ''],
    ];
    for (const [payload, signature] of forged) {
      const response = await deliver(payload, signature);
      expect(response.statusCode, signature).toBe(400);
      expect(errorOf(response).code).toBe('INVALID_WEBHOOK_SIGNATURE');
    }
    const unsigned = await h.app.inject({
      method: 'POST',
      url: '/api/payments/webhooks/simulated',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(unsigned.statusCode).toBe(400);
    expect(await h.row(payment.id)).toEqual(before);
    const { rows } = await h.container.pool.query(
      'SELECT 1 FROM provider_events WHERE payment_id = $1',
      [payment.id],
    );
    expect(rows).toEqual([]);
    // The genuine delivery still works afterwards.
    expect(result(await deliver(body)).applied).toBe(true);
  });

  it('refuses a signed body that is not an event of ours (400), and answers 200 for an unknown payment', async () => {
    const junk = JSON.stringify({ hello: 'world' });
    expect((await deliver(junk)).statusCode).toBe(400);
    const payment = await h.createPayment(customer, vendor);
    const orphan = await event(payment, 'checkout.succeeded', { paymentId: randomUUID() });
    const response = await deliver(orphan);
    expect(response.statusCode).toBe(200);
    expect(result(response)).toEqual({ received: true, duplicate: false, applied: false });
    expect((await h.read(payment, customer)).status).toBe('PENDING');
  });

  it('is a 404 for a provider this service does not use, 400 for a malformed name', async () => {
    const payment = await h.createPayment(customer, vendor);
    const body = await event(payment, 'checkout.succeeded');
    expect((await deliver(body, undefined, 'stripe')).statusCode).toBe(404);
    expect((await deliver(body, undefined, 'paypal')).statusCode).toBe(404);
    expect((await deliver(body, undefined, 'Not-A-Name')).statusCode).toBe(400);
    expect((await h.read(payment, customer)).status).toBe('PENDING');
  });
});
