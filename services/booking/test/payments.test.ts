import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentEventData } from '@slotwise/contracts';
import { errorCode, startBooking, type BookingHarness } from './harness.js';

const hourFromNow = (hours: number) =>
  new Date((Math.ceil(Date.now() / 3_600_000) + hours) * 3_600_000).toISOString();

interface Booking {
  id: string;
  status: string;
  paymentStatus: string;
  paymentDueAt: string | null;
  cancelReason: string | null;
  cancellationPolicy: { freeCancellationHours: number; lateRefundPercent: number };
  totalPrice: string;
}

describe('payments on the booking side: the saga’s states, reminders, platform cancellations', () => {
  let h: BookingHarness;
  let customer: string;
  let customerId: string;
  const ownerId = crypto.randomUUID();
  let owner: string;
  beforeAll(async () => {
    h = await startBooking({ PAYMENT_WINDOW_MINUTES: '15' });
    customerId = crypto.randomUUID();
    customer = await h.tokenFor('CUSTOMER', customerId);
    owner = await h.tokenFor('VENDOR', ownerId);
  });
  afterAll(async () => {
    await h.close();
  });

  const prepayResource = (autoConfirm = true) =>
    h.addResource({
      price: '30.00',
      bookingRules: { autoConfirm },
      business: {
        ownerId,
        paymentMode: 'PREPAY',
        cancellationPolicy: { freeCancellationHours: 48, lateRefundPercent: 25 },
      },
    });
  const book = async (resourceId: string, startHours: number) => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: {
        resourceId,
        startTime: hourFromNow(startHours),
        endTime: hourFromNow(startHours + 1),
      },
      headers: { authorization: `Bearer ${customer}` },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ data: Booking }>().data;
  };
  const read = async (id: string) =>
    (
      await h.app.inject({
        method: 'GET',
        url: `/api/bookings/${id}`,
        headers: { authorization: `Bearer ${customer}` },
      })
    ).json<{ data: Booking }>().data;
  const news = (
    booking: Booking,
    version: number,
    status: PaymentEventData['status'],
  ): { data: PaymentEventData; version: number } => ({
    version,
    data: {
      paymentId: crypto.randomUUID(),
      bookingId: booking.id,
      kind: 'PREPAY',
      userId: customerId,
      businessId: crypto.randomUUID(),
      vendorId: ownerId,
      amount: booking.totalPrice,
      currency: 'USD',
      status,
      refundedAmount: '0.00',
      provider: 'simulated',
    },
  });
  const outboxTypes = async (id: string) =>
    (
      await h.container.pool.query<{ type: string }>(
        'SELECT type FROM outbox WHERE aggregate_id = $1 ORDER BY seq',
        [id],
      )
    ).rows.map((row) => row.type);

  it('holds a PREPAY booking PENDING with a payment due, whatever autoConfirm says, and carries its policy', async () => {
    const resource = prepayResource(true);
    const before = Date.now();
    const booking = await book(resource.id, 72);
    expect(booking).toMatchObject({
      status: 'PENDING',
      paymentStatus: 'PENDING',
      cancellationPolicy: { freeCancellationHours: 48, lateRefundPercent: 25 },
    });
    const due = Date.parse(booking.paymentDueAt!);
    expect(due).toBeGreaterThanOrEqual(before + 15 * 60_000 - 1_000);
    expect(due).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
    // Not confirmable before it is paid.
    const confirm = await h.app.inject({
      method: 'POST',
      url: `/api/bookings/${booking.id}/confirm`,
      headers: { authorization: `Bearer ${owner}` },
    });
    expect(confirm.statusCode).toBe(409);
    expect(errorCode(confirm)).toBe('INVALID_STATUS_TRANSITION');
  });

  it('a NONE business’s booking needs no payment', async () => {
    const resource = h.addResource({ business: { ownerId } });
    const booking = await book(resource.id, 30);
    expect(booking).toMatchObject({ paymentStatus: 'NOT_REQUIRED', paymentDueAt: null });
  });

  it('paid → PAID and CONFIRMED under autoConfirm; an older payment event after it changes nothing', async () => {
    const booking = await book(prepayResource(true).id, 80);
    await h.container.payments.succeeded(news(booking, 2, 'SUCCEEDED'));
    const paid = await read(booking.id);
    expect(paid).toMatchObject({ status: 'CONFIRMED', paymentStatus: 'PAID', paymentDueAt: null });
    expect(await outboxTypes(booking.id)).toEqual(['booking.created', 'booking.confirmed']);
    // payment.created (version 1) redelivered late: the booking stays PAID.
    await h.container.payments.created(news(booking, 1, 'PENDING'));
    await h.container.payments.succeeded(news(booking, 2, 'SUCCEEDED'));
    expect(await read(booking.id)).toMatchObject({ status: 'CONFIRMED', paymentStatus: 'PAID' });
    expect(await outboxTypes(booking.id)).toEqual(['booking.created', 'booking.confirmed']);
  });

  it('paid without autoConfirm → PAID, still PENDING for the business to confirm', async () => {
    const booking = await book(prepayResource(false).id, 90);
    await h.container.payments.succeeded(news(booking, 2, 'SUCCEEDED'));
    expect(await read(booking.id)).toMatchObject({ status: 'PENDING', paymentStatus: 'PAID' });
    const confirm = await h.app.inject({
      method: 'POST',
      url: `/api/bookings/${booking.id}/confirm`,
      headers: { authorization: `Bearer ${owner}` },
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
  });

  it('declined → cancelled by the platform (PAYMENT_FAILED), once, and the time is free again', async () => {
    const resource = prepayResource(true);
    const booking = await book(resource.id, 100);
    await Promise.all([
      h.container.payments.failed(news(booking, 2, 'FAILED')),
      h.container.payments.failed(news(booking, 2, 'FAILED')),
    ]);
    expect(await read(booking.id)).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'PAYMENT_FAILED',
      paymentStatus: 'FAILED',
    });
    expect(await outboxTypes(booking.id)).toEqual(['booking.created', 'booking.cancelled']);
    await book(resource.id, 100);
  });

  it('a payment that expired on the payment side releases the booking as PAYMENT_EXPIRED too', async () => {
    const booking = await book(prepayResource(true).id, 105);
    await h.container.payments.failed({ ...news(booking, 2, 'FAILED'), reason: 'EXPIRED' });
    expect(await read(booking.id)).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'PAYMENT_EXPIRED',
      paymentStatus: 'FAILED',
    });
  });

  it('an unpaid PREPAY booking is released when its payment window ends (PAYMENT_EXPIRED)', async () => {
    const booking = await book(prepayResource(true).id, 110);
    await h.container.pool.query(
      `UPDATE bookings SET expires_at = now() - interval '1 second',
         payment_due_at = now() - interval '1 second' WHERE id = $1`,
      [booking.id],
    );
    await h.container.changes.expireUnconfirmed();
    expect(await read(booking.id)).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'PAYMENT_EXPIRED',
      paymentDueAt: null,
    });
  });

  it('refunded → REFUNDED or PARTIALLY_REFUNDED', async () => {
    const booking = await book(prepayResource(true).id, 120);
    await h.container.payments.succeeded(news(booking, 2, 'SUCCEEDED'));
    await h.container.payments.refunded(news(booking, 3, 'PARTIALLY_REFUNDED'));
    expect((await read(booking.id)).paymentStatus).toBe('PARTIALLY_REFUNDED');
    await h.container.payments.refunded(news(booking, 4, 'REFUNDED'));
    expect((await read(booking.id)).paymentStatus).toBe('REFUNDED');
  });

  it('reminds a CONFIRMED booking starting within a day once, however many runners look', async () => {
    const resource = h.addResource({ business: { ownerId }, bookingRules: { autoConfirm: true } });
    const soon = await book(resource.id, 5);
    const later = await book(resource.id, 60);
    const sent = await Promise.all([
      h.container.reminders.sendDue(),
      h.container.reminders.sendDue(),
      h.container.reminders.sendDue(),
    ]);
    expect(sent.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await outboxTypes(soon.id)).toEqual(['booking.created', 'booking.reminder_due']);
    expect(await outboxTypes(later.id)).toEqual(['booking.created']);
    await h.container.reminders.sendDue();
    expect(await outboxTypes(soon.id)).toEqual(['booking.created', 'booking.reminder_due']);
  });

  it('cancels a business’s upcoming bookings once, leaving past and other businesses’ alone', async () => {
    const businessId = crypto.randomUUID();
    const mine = h.addResource({ business: { id: businessId, ownerId } });
    const other = h.addResource({ business: { ownerId } });
    const a = await book(mine.id, 40);
    const b = await book(mine.id, 44);
    const c = await book(other.id, 40);
    const runs = await Promise.all([
      h.container.cancellations.cancelUpcoming({ businessId }, 'BUSINESS_SUSPENDED'),
      h.container.cancellations.cancelUpcoming({ businessId }, 'BUSINESS_SUSPENDED'),
    ]);
    expect(runs[0] + runs[1]).toBe(2);
    for (const id of [a.id, b.id]) {
      expect(await read(id)).toMatchObject({
        status: 'CANCELLED',
        cancelReason: 'BUSINESS_SUSPENDED',
      });
      expect(await outboxTypes(id)).toEqual(['booking.created', 'booking.cancelled']);
    }
    expect((await read(c.id)).status).not.toBe('CANCELLED');
  });
});
