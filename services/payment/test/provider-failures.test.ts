import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  capturingLogger,
  errorOf,
  scriptedRandom,
  startPayment,
  type PaymentHarness,
  type Person,
} from './harness.js';

/**
 * The simulated provider fails transiently at SIMULATED_FAILURE_RATE, after doing the work (the
 * answer is lost); the die is scripted here so that each test knows which calls fail.
 */
describe('a provider that fails transiently', () => {
  let h: PaymentHarness;
  let customer: Person;
  let vendor: Person;
  const dice = scriptedRandom();
  const { logger, lines } = capturingLogger();
  const FAIL = 0.1;

  beforeAll(async () => {
    h = await startPayment({
      env: { SIMULATED_FAILURE_RATE: '0.5', PROVIDER_MAX_ATTEMPTS: '4' },
      random: dice.random,
      logger,
    });
    customer = await h.person('CUSTOMER');
    vendor = await h.person('VENDOR');
  });
  afterAll(async () => {
    await h.close();
  });

  it('creates the checkout after retries with backoff, and only one', async () => {
    dice.next(FAIL, FAIL);
    const payment = await h.createPayment(customer, vendor);
    expect(payment.status).toBe('PENDING');
    // Three calls with the same idempotency key: the provider did the work once.
    expect((await h.ledger(payment.id)).filter((l) => l.operation === 'CHECKOUT')).toHaveLength(1);
    const retries = lines.filter(
      (l) => l.msg === 'provider call retried' && l.operation === 'createCheckout',
    );
    expect(retries.map((l) => l.attempt)).toEqual([1, 2]);
    for (const line of retries) expect(line.delayMs).toEqual(expect.any(Number));
  });

  it('refunds after retries, once', async () => {
    const paid = await h.simulate(await h.createPayment(customer, vendor), customer);
    dice.next(FAIL, FAIL, FAIL);
    const response = await h.call('POST', `/api/payments/${paid.id}/refund`, vendor, {
      amount: '10.00',
      reason: 'goodwill',
    });
    expect(response.statusCode).toBe(200);
    expect((await h.read(paid, customer)).refundedAmount).toBe('10.00');
    expect(await h.ledger(paid.id)).toEqual(
      expect.arrayContaining([{ operation: 'REFUND', amount: '10.00' }]),
    );
    expect((await h.ledger(paid.id)).filter((l) => l.operation === 'REFUND')).toHaveLength(1);
  });

  it('answers 503 when every try fails, keeps the refund reserved, and completes it later, once', async () => {
    const paid = await h.simulate(await h.createPayment(customer, vendor), customer);
    dice.next(FAIL, FAIL, FAIL, FAIL);
    const failed = await h.call('POST', `/api/payments/${paid.id}/refund`, vendor, {
      reason: 'all of it',
    });
    expect(failed.statusCode).toBe(503);
    expect(errorOf(failed).code).toBe('SERVICE_UNAVAILABLE');
    expect(Number(failed.headers['retry-after'])).toBeGreaterThan(0);
    // The provider did refund (its answer was lost): the amount stays reserved, not refundable twice.
    expect((await h.read(paid, customer)).refundedAmount).toBe('0.00');
    const second = await h.call('POST', `/api/payments/${paid.id}/refund`, vendor, {
      amount: '0.01',
      reason: 'again',
    });
    expect(second.statusCode).toBe(422);
    expect(errorOf(second).code).toBe('REFUND_EXCEEDS_PAYMENT');

    const later = new Date(Date.now() + 5 * 60_000);
    expect(await h.container.refunds.resumeStalled(later)).toBe(1);
    expect(await h.read(paid, customer)).toMatchObject({
      status: 'REFUNDED',
      refundedAmount: '150.00',
    });
    expect((await h.ledger(paid.id)).filter((l) => l.operation === 'REFUND')).toEqual([
      { operation: 'REFUND', amount: '150.00' },
    ]);
    expect(await h.container.refunds.resumeStalled(later)).toBe(0);
    expect((await h.events(paid.id)).filter((e) => e.type === 'payment.refunded')).toHaveLength(1);
  });

  it('records a retry that could not reach the provider, and leaves the payment FAILED', async () => {
    const declined = await h.simulate(await h.createPayment(customer, vendor), customer, 'decline');
    dice.next(FAIL, FAIL, FAIL, FAIL);
    const response = await h.call('POST', `/api/payments/${declined.id}/retry`, customer);
    expect(response.statusCode).toBe(503);
    const after = await h.read(declined, customer);
    expect(after.status).toBe('FAILED');
    expect(after.attempts.at(-1)).toMatchObject({ outcome: 'PROVIDER_ERROR' });
    // Tried again once the provider is back: the checkout it made (answer lost) is the one used.
    const again = await h.call('POST', `/api/payments/${declined.id}/retry`, customer);
    expect(again.statusCode).toBe(202);
    expect((await h.ledger(declined.id)).filter((l) => l.operation === 'CHECKOUT')).toHaveLength(2);
  });

  it('lets createForBooking fail with 503 and succeed later with the same checkout', async () => {
    dice.next(FAIL, FAIL, FAIL, FAIL);
    const charge = {
      bookingId: crypto.randomUUID(),
      kind: 'PREPAY' as const,
      userId: customer.id,
      businessId: crypto.randomUUID(),
      vendorId: vendor.id,
      amount: '12.00',
      currency: 'USD',
    };
    await expect(h.container.payments.createForBooking(charge)).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    });
    const { payment, created } = await h.container.payments.createForBooking(charge);
    expect(created).toBe(true);
    expect((await h.ledger(payment.id)).filter((l) => l.operation === 'CHECKOUT')).toHaveLength(1);
  });
});
