import { paymentRefundedData } from '@slotwise/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorOf,
  startPayment,
  type PaymentHarness,
  type PaymentJson,
  type Person,
} from './harness.js';

describe('refunds', () => {
  let h: PaymentHarness;
  let customer: Person;
  let vendor: Person;
  let admin: Person;

  const refund = (payment: PaymentJson, body: object, who: Person = vendor) =>
    h.call('POST', `/api/payments/${payment.id}/refund`, who, body);
  const paidPayment = async (amount = '150.00') =>
    h.simulate(await h.createPayment(customer, vendor, { amount }), customer);
  const refundedInLedger = async (payment: PaymentJson) =>
    (await h.ledger(payment.id))
      .filter((l) => l.operation === 'REFUND')
      .reduce((sum, l) => sum + Math.round(Number(l.amount) * 100), 0);

  beforeAll(async () => {
    h = await startPayment();
    customer = await h.person('CUSTOMER');
    vendor = await h.person('VENDOR');
    admin = await h.person('ADMIN');
  });
  afterAll(async () => {
    await h.close();
  });

  it('refunds in part, then the rest: PARTIALLY_REFUNDED, then REFUNDED, each announced', async () => {
    const payment = await paidPayment();
    const part = await refund(payment, { amount: '50.25', reason: 'Late check-in' });
    expect(part.statusCode).toBe(200);
    expect(part.json<{ data: PaymentJson }>().data).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      refundedAmount: '50.25',
      amount: '150.00',
    });
    const rest = await refund(payment, { reason: 'Cancelled by the business' }, admin);
    expect(rest.statusCode).toBe(200);
    expect(rest.json<{ data: PaymentJson }>().data).toMatchObject({
      status: 'REFUNDED',
      refundedAmount: '150.00',
    });
    const events = (await h.events(payment.id)).filter((e) => e.type === 'payment.refunded');
    expect(events.map((e) => paymentRefundedData.parse(e.payload.data))).toEqual([
      expect.objectContaining({
        amount: '150.00',
        refundAmount: '50.25',
        refundedAmount: '50.25',
        status: 'PARTIALLY_REFUNDED',
        reason: 'Late check-in',
        refundedBy: vendor.id,
      }),
      expect.objectContaining({
        refundAmount: '99.75',
        refundedAmount: '150.00',
        status: 'REFUNDED',
        refundedBy: admin.id,
      }),
    ]);
    expect(await refundedInLedger(payment)).toBe(15_000);
  });

  it('never refunds more than was paid: 422 REFUND_EXCEEDS_PAYMENT, nothing changed', async () => {
    const payment = await paidPayment('20.00');
    const tooMuch = await refund(payment, { amount: '20.01', reason: 'x' });
    expect(tooMuch.statusCode).toBe(422);
    expect(errorOf(tooMuch)).toMatchObject({
      code: 'REFUND_EXCEEDS_PAYMENT',
      message: 'At most 20.00 USD is left to refund',
    });
    expect((await refund(payment, { amount: '15.00', reason: 'x' })).statusCode).toBe(200);
    const over = await refund(payment, { amount: '5.01', reason: 'x' });
    expect(over.statusCode).toBe(422);
    expect(errorOf(over).message).toBe('At most 5.00 USD is left to refund');
    expect((await h.read(payment, customer)).refundedAmount).toBe('15.00');
    expect(await refundedInLedger(payment)).toBe(1_500);
  });

  it('refunds only a paid payment: 409 for PENDING, FAILED and REFUNDED ones', async () => {
    const pending = await h.createPayment(customer, vendor);
    const failed = await h.simulate(await h.createPayment(customer, vendor), customer, 'decline');
    const refunded = await paidPayment('10.00');
    expect((await refund(refunded, { reason: 'all' })).statusCode).toBe(200);
    for (const payment of [pending, failed, refunded]) {
      const response = await refund(payment, { amount: '1.00', reason: 'x' });
      expect(response.statusCode, payment.status).toBe(409);
      expect(errorOf(response).code).toBe('INVALID_STATUS_TRANSITION');
    }
    expect((await h.read(pending, customer)).refundedAmount).toBe('0.00');
  });

  it('lets concurrent refunds add up to the amount paid at most', async () => {
    const payment = await paidPayment('100.00');
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => refund(payment, { amount: '30.00', reason: 'race' })),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 200, 200, 422, 422, 422]);
    const after = await h.read(payment, customer);
    expect(after).toMatchObject({ refundedAmount: '90.00', status: 'PARTIALLY_REFUNDED' });
    expect(await refundedInLedger(payment)).toBe(9_000);
  });

  describe('refundForCancellation', () => {
    it('refunds a share of what was paid, once, however often it is asked', async () => {
      const payment = await paidPayment('99.99');
      const request = { bookingId: payment.bookingId, percent: 50, reason: 'LATE_CANCELLATION' };
      const [first] = await h.container.refunds.refundForCancellation(request);
      expect(first).toMatchObject({ amount: '49.99', status: 'SUCCEEDED', requestedBy: null });
      const again = await h.container.refunds.refundForCancellation(request);
      expect(again.map((r) => r.id)).toEqual([first!.id]);
      expect(await h.read(payment, customer)).toMatchObject({
        status: 'PARTIALLY_REFUNDED',
        refundedAmount: '49.99',
      });
      expect(
        (await h.events(payment.id)).filter((e) => e.type === 'payment.refunded'),
      ).toHaveLength(1);
      expect(await refundedInLedger(payment)).toBe(4_999);
    });

    it('refunds an amount capped at what is left; nothing for an unpaid booking or a 0 % policy', async () => {
      const payment = await paidPayment('40.00');
      expect((await refund(payment, { amount: '30.00', reason: 'x' })).statusCode).toBe(200);
      const [capped] = await h.container.refunds.refundForCancellation({
        bookingId: payment.bookingId,
        amount: '40.00',
        reason: 'CANCELLED_BY_BUSINESS',
      });
      expect(capped).toMatchObject({ amount: '10.00', status: 'SUCCEEDED' });
      expect((await h.read(payment, customer)).status).toBe('REFUNDED');

      const unpaid = await h.createPayment(customer, vendor);
      expect(
        await h.container.refunds.refundForCancellation({
          bookingId: unpaid.bookingId,
          percent: 100,
          reason: 'x',
        }),
      ).toEqual([]);
      const noRefund = await paidPayment();
      expect(
        await h.container.refunds.refundForCancellation({
          bookingId: noRefund.bookingId,
          percent: 0,
          reason: 'x',
        }),
      ).toEqual([]);
      expect((await h.read(noRefund, customer)).status).toBe('SUCCEEDED');
    });
  });
});
