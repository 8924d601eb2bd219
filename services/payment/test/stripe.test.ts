import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorOf,
  startPayment,
  type PaymentHarness,
  type PaymentJson,
  type Person,
} from './harness.js';
import { startStripeStandIn, type StripeStandIn } from './stripe-stand-in.js';

const WEBHOOK_SECRET = 'whsec_test_standin_secret';

describe('the stripe provider, through the official SDK, against a local stand-in', () => {
  let stripe: StripeStandIn;
  let h: PaymentHarness;
  let customer: Person;
  let vendor: Person;

  /** A Stripe event about a Checkout Session, signed with the SDK's own test helper. */
  function signed(
    type: string,
    session: Record<string, unknown>,
    secret = WEBHOOK_SECRET,
  ): { payload: string; header: string } {
    const payload = JSON.stringify({
      id: `evt_${randomUUID().replaceAll('-', '')}`,
      object: 'event',
      type,
      api_version: Stripe.API_VERSION,
      created: Math.floor(Date.now() / 1000),
      data: { object: { object: 'checkout.session', ...session } },
    });
    return { payload, header: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
  }

  const deliver = ({ payload, header }: { payload: string; header: string }) =>
    h.app.inject({
      method: 'POST',
      url: '/api/payments/webhooks/stripe',
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header },
      payload,
    });

  const sessionOf = async (payment: PaymentJson) => String((await h.row(payment.id))!.provider_ref);

  const completed = async (payment: PaymentJson, intent = `pi_${randomUUID().slice(0, 8)}`) =>
    signed('checkout.session.completed', {
      id: await sessionOf(payment),
      client_reference_id: payment.id,
      metadata: { paymentId: payment.id },
      payment_intent: intent,
      payment_status: 'paid',
      status: 'complete',
    });

  beforeAll(async () => {
    stripe = await startStripeStandIn();
    h = await startPayment({
      env: {
        PAYMENT_PROVIDER: 'stripe',
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_HOST: stripe.host,
        STRIPE_API_PORT: String(stripe.port),
        STRIPE_API_PROTOCOL: 'http',
      },
    });
    customer = await h.person('CUSTOMER');
    vendor = await h.person('VENDOR');
  });
  afterAll(async () => {
    await h.close();
    await stripe.close();
  });

  it('opens a Checkout Session with the payment’s idempotency key, amount and reference', async () => {
    const payment = await h.createPayment(customer, vendor, { amount: '150.00', currency: 'EUR' });
    expect(payment).toMatchObject({ provider: 'stripe', status: 'PENDING' });
    const session = stripe.performed.find((p) => p.form.client_reference_id === payment.id)!;
    expect(payment.checkoutUrl).toBe(`https://checkout.stripe.test/c/pay/${session.id}`);
    expect(session.form).toMatchObject({
      mode: 'payment',
      'metadata[paymentId]': payment.id,
      'metadata[bookingId]': payment.bookingId,
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'eur',
      'line_items[0][price_data][unit_amount]': '15000',
      'line_items[0][price_data][product_data][name]': 'Room 101, 1–3 December',
      success_url: `http://gateway.test/bookings/${payment.bookingId}?payment=succeeded`,
    });
    // Stripe sessions last at least 30 minutes: the 15-minute window is ours to enforce.
    expect(Number(session.form.expires_at)).toBeGreaterThan(Date.now() / 1000 + 30 * 60);
    const calls = stripe.requests.filter((r) => r.form.client_reference_id === payment.id);
    expect(calls.map((r) => r.idempotencyKey)).toEqual([`payment-${payment.id}-checkout-1`]);
  });

  it('counts in whole units for a zero-decimal currency', async () => {
    const payment = await h.createPayment(customer, vendor, { amount: '1500.00', currency: 'JPY' });
    const session = stripe.performed.find((p) => p.form.client_reference_id === payment.id)!;
    expect(session.form['line_items[0][price_data][unit_amount]']).toBe('1500');
  });

  it('retries a lost answer with the same key: one session at Stripe', async () => {
    stripe.failNext(2, 'after');
    const payment = await h.createPayment(customer, vendor);
    const calls = stripe.requests.filter((r) => r.form.client_reference_id === payment.id);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((r) => r.idempotencyKey))).toEqual(
      new Set([`payment-${payment.id}-checkout-1`]),
    );
    expect(stripe.performed.filter((p) => p.form.client_reference_id === payment.id)).toHaveLength(
      1,
    );
  });

  it('applies a signed checkout.session.completed once, verified by the SDK', async () => {
    const payment = await h.createPayment(customer, vendor);
    const event = await completed(payment, 'pi_test_1');
    const first = await deliver(event);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ data: { received: true, duplicate: false, applied: true } });
    expect(await h.read(payment, customer)).toMatchObject({ status: 'SUCCEEDED' });
    expect((await deliver(event)).json()).toEqual({
      data: { received: true, duplicate: true, applied: false },
    });
    expect((await h.events(payment.id)).map((e) => e.type)).toEqual([
      'payment.created',
      'payment.succeeded',
    ]);
  });

  it('refuses an event signed with another secret, or altered, with 400 and changes nothing', async () => {
    const payment = await h.createPayment(customer, vendor);
    const before = await h.row(payment.id);
    const forged = await completed(payment);
    const wrongSecret = signed(
      'checkout.session.completed',
      (JSON.parse(forged.payload) as { data: { object: Record<string, unknown> } }).data.object,
      'whsec_other',
    );
    const altered = { ...forged, payload: forged.payload.replace('"paid"', '"paid" ') };
    for (const attempt of [wrongSecret, altered, { ...forged, header: 't=1,v1=abc' }]) {
      const response = await deliver(attempt);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).code).toBe('INVALID_WEBHOOK_SIGNATURE');
    }
    expect(await h.row(payment.id)).toEqual(before);
    const { rows } = await h.container.pool.query(
      `SELECT 1 FROM provider_events WHERE provider = 'stripe' AND payment_id = $1`,
      [payment.id],
    );
    expect(rows).toEqual([]);
  });

  it('fails an expired session, ignores event types it does not use and delayed payments still unpaid', async () => {
    const payment = await h.createPayment(customer, vendor);
    const session = await sessionOf(payment);
    const unpaid = signed('checkout.session.completed', {
      id: session,
      client_reference_id: payment.id,
      payment_intent: 'pi_x',
      payment_status: 'unpaid',
    });
    expect((await deliver(unpaid)).json()).toMatchObject({ data: { applied: false } });
    const other = signed('customer.created', { id: 'cus_1' });
    expect((await deliver(other)).statusCode).toBe(200);
    expect((await h.read(payment, customer)).status).toBe('PENDING');
    const expired = signed('checkout.session.expired', {
      id: session,
      client_reference_id: payment.id,
      payment_intent: null,
      payment_status: 'unpaid',
    });
    expect((await deliver(expired)).json()).toMatchObject({ data: { applied: true } });
    expect(await h.read(payment, customer)).toMatchObject({
      status: 'FAILED',
      failureReason: 'EXPIRED',
    });
  });

  it('refunds against the payment intent with the refund’s idempotency key', async () => {
    const payment = await h.createPayment(customer, vendor);
    await deliver(await completed(payment, 'pi_refund_me'));
    const response = await h.call('POST', `/api/payments/${payment.id}/refund`, vendor, {
      amount: '50.00',
      reason: 'Late check-in',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ data: PaymentJson }>().data).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      refundedAmount: '50.00',
    });
    const call = stripe.requests.filter((r) => r.path === '/v1/refunds').at(-1)!;
    expect(call.form).toMatchObject({
      payment_intent: 'pi_refund_me',
      amount: '5000',
      'metadata[paymentId]': payment.id,
    });
    expect(call.idempotencyKey).toBe(`refund-${call.form['metadata[refundId]']}`);
  });

  it('frees the amount of a refund Stripe refuses (422 PROVIDER_REFUSED)', async () => {
    const payment = await h.createPayment(customer, vendor);
    await deliver(await completed(payment));
    stripe.refuseNextRefund();
    const refused = await h.call('POST', `/api/payments/${payment.id}/refund`, vendor, {
      reason: 'x',
    });
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused).code).toBe('PROVIDER_REFUSED');
    expect((await h.read(payment, customer)).status).toBe('SUCCEEDED');
    const retried = await h.call('POST', `/api/payments/${payment.id}/refund`, vendor, {
      reason: 'x',
    });
    expect(retried.statusCode).toBe(200);
    expect(retried.json<{ data: PaymentJson }>().data.status).toBe('REFUNDED');
  });

  it('expires the open session when the booking is cancelled', async () => {
    const payment = await h.createPayment(customer, vendor);
    const session = await sessionOf(payment);
    await h.container.payments.cancelPending(payment.bookingId, 'BOOKING_CANCELLED');
    const call = stripe.requests.find((r) => r.path === `/v1/checkout/sessions/${session}/expire`);
    expect(call?.idempotencyKey).toBe(`payment-${payment.id}-cancel-1`);
    expect((await h.read(payment, customer)).failureReason).toBe('CANCELLED');
  });
});
