import { paymentCreatedData, paymentFailedData, paymentSucceededData } from '@slotwise/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bookingCharge,
  checkoutPathOf,
  errorOf,
  startPayment,
  type PaymentHarness,
  type PaymentJson,
  type Person,
} from './harness.js';

describe('a payment’s life: created for a booking, paid or not, retried, cancelled, expired', () => {
  let h: PaymentHarness;
  let customer: Person;
  let vendor: Person;

  beforeAll(async () => {
    h = await startPayment({ env: { PAYMENT_WINDOW_MINUTES: '15' } });
    customer = await h.person('CUSTOMER');
    vendor = await h.person('VENDOR');
  });
  afterAll(async () => {
    await h.close();
  });

  describe('createForBooking', () => {
    it('creates one PENDING payment with its checkout and announces it with the URL', async () => {
      const charge = bookingCharge({ userId: customer.id, vendorId: vendor.id, amount: '99.90' });
      const before = Date.now();
      const { payment, created } = await h.container.payments.createForBooking(charge, 'req-1');
      expect(created).toBe(true);
      expect(payment).toMatchObject({ status: 'PENDING', amount: '99.90', provider: 'simulated' });
      // PREPAY: payable within the window.
      expect(payment.expiresAt!.getTime() - before).toBeGreaterThanOrEqual(15 * 60_000 - 1_000);
      expect(payment.expiresAt!.getTime() - before).toBeLessThanOrEqual(15 * 60_000 + 5_000);
      const events = await h.events(payment.id);
      expect(events.map((e) => [e.type, e.version])).toEqual([['payment.created', 1]]);
      const data = paymentCreatedData.parse(events[0]!.payload.data);
      expect(data).toMatchObject({
        paymentId: payment.id,
        bookingId: charge.bookingId,
        kind: 'PREPAY',
        userId: customer.id,
        vendorId: vendor.id,
        amount: '99.90',
        currency: 'USD',
        status: 'PENDING',
        refundedAmount: '0.00',
        checkoutUrl: payment.checkoutUrl,
        attempt: 1,
      });
      expect(events[0]!.payload).toMatchObject({ requestId: 'req-1' });
    });

    it('is idempotent per booking and kind: again, or concurrently, one payment and one checkout', async () => {
      const charge = bookingCharge({ userId: customer.id, vendorId: vendor.id });
      const results = await Promise.all(
        Array.from({ length: 5 }, () => h.container.payments.createForBooking(charge)),
      );
      const again = await h.container.payments.createForBooking(charge);
      const ids = new Set([...results, again].map((r) => r.payment.id));
      expect(ids.size).toBe(1);
      expect([...results, again].filter((r) => r.created).length).toBeLessThanOrEqual(1);
      expect(again.created).toBe(false);
      const [id] = [...ids];
      expect(await h.events(id!)).toHaveLength(1);
      expect((await h.ledger(id!)).filter((l) => l.operation === 'CHECKOUT')).toHaveLength(1);
      const { rows } = await h.container.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM payments WHERE booking_id = $1',
        [charge.bookingId],
      );
      expect(rows[0]?.n).toBe(1);
      // Another kind of the same booking is another payment; POSTPAY has no deadline.
      const postpay = await h.container.payments.createForBooking({ ...charge, kind: 'POSTPAY' });
      expect(postpay.created).toBe(true);
      expect(postpay.payment.id).not.toBe(id);
      expect(postpay.payment.expiresAt).toBeNull();
    });

    it('refuses input that is not a booking’s charge', async () => {
      for (const bad of [
        { amount: '0.00' },
        { amount: '1.5' },
        { currency: 'usd' },
        { bookingId: 'x' },
        { kind: 'DEPOSIT' },
      ]) {
        await expect(
          h.container.payments.createForBooking(bookingCharge(bad as never)),
          JSON.stringify(bad),
        ).rejects.toThrow();
      }
    });
  });

  describe('paying', () => {
    it('succeeds through the simulated provider: SUCCEEDED, paidAt, announced once', async () => {
      const payment = await h.createPayment(customer, vendor);
      const paid = await h.simulate(payment, customer, 'succeed');
      expect(paid).toMatchObject({ status: 'SUCCEEDED', paidAt: expect.any(String) });
      expect(paid.attempts.map((a) => a.outcome)).toEqual(['CHECKOUT_CREATED', 'SUCCEEDED']);
      const events = await h.events(payment.id);
      expect(events.map((e) => [e.type, e.version])).toEqual([
        ['payment.created', 1],
        ['payment.succeeded', 2],
      ]);
      expect(paymentSucceededData.parse(events[1]!.payload.data).status).toBe('SUCCEEDED');
      // Paid: nothing more to simulate.
      const again = await h.call('POST', `/api/payments/${payment.id}/simulate`, customer, {
        outcome: 'succeed',
      });
      expect(again.statusCode).toBe(409);
      expect(errorOf(again).code).toBe('INVALID_STATUS_TRANSITION');
      expect((await h.ledger(payment.id)).filter((l) => l.operation === 'CHARGE')).toHaveLength(1);
    });

    it('is declined: FAILED (DECLINED) with the reason, announced', async () => {
      const payment = await h.createPayment(customer, vendor);
      const declined = await h.simulate(payment, customer, 'decline');
      expect(declined).toMatchObject({ status: 'FAILED', failureReason: 'DECLINED' });
      expect(declined.attempts.at(-1)).toMatchObject({
        outcome: 'DECLINED',
        error: 'Declined by the customer',
      });
      const failed = (await h.events(payment.id)).at(-1)!;
      expect(paymentFailedData.parse(failed.payload.data)).toMatchObject({
        reason: 'DECLINED',
        error: 'Declined by the customer',
      });
      expect(await h.ledger(payment.id)).toEqual([{ operation: 'CHECKOUT', amount: '150.00' }]);
    });
  });

  describe('retry', () => {
    it('gives a FAILED payment a fresh checkout: PENDING again, announced as attempt 2', async () => {
      const payment = await h.createPayment(customer, vendor, { kind: 'POSTPAY' });
      await h.simulate(payment, customer, 'decline');
      const response = await h.call('POST', `/api/payments/${payment.id}/retry`, customer);
      expect(response.statusCode).toBe(202);
      const retried = response.json<{ data: PaymentJson }>().data;
      expect(retried).toMatchObject({ status: 'PENDING', failureReason: null });
      expect(retried.checkoutUrl).not.toBe(payment.checkoutUrl);
      expect(retried.attempts.map((a) => a.outcome)).toEqual([
        'CHECKOUT_CREATED',
        'DECLINED',
        'CHECKOUT_CREATED',
      ]);
      const created = (await h.events(payment.id)).at(-1)!;
      expect(created.type).toBe('payment.created');
      expect(paymentCreatedData.parse(created.payload.data)).toMatchObject({
        attempt: 2,
        checkoutUrl: retried.checkoutUrl,
      });
      // The old page shows it was replaced and takes no payment; the new one does.
      const old = await h.app.inject({ method: 'GET', url: checkoutPathOf(payment) });
      expect(old.body).toContain('data-state="replaced"');
      expect(old.body).not.toContain('<form');
      expect((await h.simulate(retried, customer)).status).toBe('SUCCEEDED');
    });

    it('refuses what is not FAILED (409), whatever the status', async () => {
      const pending = await h.createPayment(customer, vendor);
      const paid = await h.simulate(await h.createPayment(customer, vendor), customer);
      for (const payment of [pending, paid]) {
        const response = await h.call('POST', `/api/payments/${payment.id}/retry`, customer);
        expect(response.statusCode, payment.status).toBe(409);
        expect(errorOf(response).code).toBe('INVALID_STATUS_TRANSITION');
      }
      expect(await h.events(pending.id)).toHaveLength(1);
    });

    it('makes one checkout for concurrent retries', async () => {
      const payment = await h.createPayment(customer, vendor);
      await h.simulate(payment, customer, 'decline');
      const responses = await Promise.all(
        Array.from({ length: 4 }, () =>
          h.call('POST', `/api/payments/${payment.id}/retry`, customer),
        ),
      );
      const statuses = responses.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 202).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((s) => s === 202 || s === 409)).toBe(true);
      const after = await h.read(payment, customer);
      expect(after.attempts.filter((a) => a.outcome === 'CHECKOUT_CREATED')).toHaveLength(2);
      expect((await h.ledger(payment.id)).filter((l) => l.operation === 'CHECKOUT')).toHaveLength(
        2,
      );
      expect((await h.events(payment.id)).filter((e) => e.type === 'payment.created')).toHaveLength(
        2,
      );
    });
  });

  describe('cancelPending', () => {
    it('fails a PENDING payment as CANCELLED, announced once, and its checkout stops working', async () => {
      const payment = await h.createPayment(customer, vendor);
      const changed = await h.container.payments.cancelPending(
        payment.bookingId,
        'BOOKING_CANCELLED',
      );
      expect(changed.map((p) => p.status)).toEqual(['FAILED']);
      expect(await h.container.payments.cancelPending(payment.bookingId, 'again')).toEqual([]);
      const after = await h.read(payment, customer);
      expect(after).toMatchObject({ status: 'FAILED', failureReason: 'CANCELLED' });
      const events = await h.events(payment.id);
      expect(events.map((e) => e.type)).toEqual(['payment.created', 'payment.failed']);
      expect(paymentFailedData.parse(events[1]!.payload.data)).toMatchObject({
        reason: 'CANCELLED',
        error: 'BOOKING_CANCELLED',
      });
      const page = await h.app.inject({ method: 'GET', url: checkoutPathOf(payment) });
      expect(page.body).toContain('data-state="cancelled"');
      expect(page.body).not.toContain('<form');
      const pay = await h.app.inject({
        method: 'POST',
        url: checkoutPathOf(payment),
        payload: { action: 'pay' },
      });
      expect(pay.statusCode).toBe(303);
      expect((await h.read(payment, customer)).status).toBe('FAILED');
      const simulate = await h.call('POST', `/api/payments/${payment.id}/simulate`, customer, {
        outcome: 'succeed',
      });
      expect(simulate.statusCode).toBe(409);
      const retry = await h.call('POST', `/api/payments/${payment.id}/retry`, customer);
      expect(retry.statusCode).toBe(409);
    });

    it('leaves a paid payment alone and keeps a declined one from being retried', async () => {
      const paid = await h.simulate(await h.createPayment(customer, vendor), customer);
      expect(await h.container.payments.cancelPending(paid.bookingId, 'x')).toEqual([]);
      expect((await h.read(paid, customer)).status).toBe('SUCCEEDED');

      const declined = await h.simulate(
        await h.createPayment(customer, vendor),
        customer,
        'decline',
      );
      const eventsBefore = await h.events(declined.id);
      await h.container.payments.cancelPending(declined.bookingId, 'x');
      expect(await h.events(declined.id)).toHaveLength(eventsBefore.length);
      expect(
        (await h.call('POST', `/api/payments/${declined.id}/retry`, customer)).statusCode,
      ).toBe(409);
    });
  });

  describe('expireOverdue', () => {
    it('fails PENDING payments past their window as EXPIRED, and only those', async () => {
      const due = await h.createPayment(customer, vendor);
      const fresh = await h.createPayment(customer, vendor);
      const postpay = await h.createPayment(customer, vendor, { kind: 'POSTPAY' });
      const later = new Date(new Date(due.expiresAt!).getTime() + 1_000);
      await h.container.pool.query(
        `UPDATE payments SET expires_at = now() + interval '1 hour' WHERE id = $1`,
        [fresh.id],
      );
      expect(await h.container.payments.expireOverdue(later)).toBeGreaterThanOrEqual(1);
      expect(await h.read(due, customer)).toMatchObject({
        status: 'FAILED',
        failureReason: 'EXPIRED',
      });
      expect((await h.read(fresh, customer)).status).toBe('PENDING');
      expect((await h.read(postpay, customer)).status).toBe('PENDING');
      const failed = (await h.events(due.id)).at(-1)!;
      expect(paymentFailedData.parse(failed.payload.data).reason).toBe('EXPIRED');
      const page = await h.app.inject({ method: 'GET', url: checkoutPathOf(due) });
      expect(page.body).toContain('data-state="expired"');
    });
  });
});
