import { randomUUID } from 'node:crypto';
import { EventTypes, type BookingEventData } from '@slotwise/contracts';
import { createEvent } from '@slotwise/platform/events';
import { createLogger } from '@slotwise/platform/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bookingEventsConsumer,
  cancellationRefundPercent,
} from '../src/events/booking-events.consumer.js';
import { startPayment, type PaymentHarness } from './harness.js';

const HOUR_MS = 3_600_000;
const logger = createLogger({ service: 'payment-test', level: 'silent' });

function bookingData(overrides: Partial<BookingEventData> = {}): BookingEventData {
  const start = new Date(Date.now() + 72 * HOUR_MS);
  return {
    bookingId: randomUUID(),
    userId: randomUUID(),
    vendorId: randomUUID(),
    businessId: randomUUID(),
    resourceId: randomUUID(),
    categoryId: null,
    businessName: 'Salon',
    resourceName: 'Chair 1',
    resourceType: 'SALON_CHAIR',
    priceAtBooking: '40.00',
    priceUnit: 'PER_BOOKING',
    currency: 'EUR',
    totalPrice: '40.00',
    timezone: 'UTC',
    startTime: start.toISOString(),
    endTime: new Date(start.getTime() + HOUR_MS).toISOString(),
    status: 'PENDING',
    previousStatus: null,
    notes: null,
    cancelReason: null,
    cancelledBy: null,
    previousStartTime: null,
    previousEndTime: null,
    reschedules: 0,
    paymentMode: 'PREPAY',
    paymentStatus: 'PENDING',
    paymentDueAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    cancellationPolicy: { freeCancellationHours: 24, lateRefundPercent: 50 },
    ...overrides,
  };
}

describe('payment’s consumer of booking events: each effect once, whatever is redelivered', () => {
  let h: PaymentHarness;
  beforeAll(async () => {
    h = await startPayment();
  });
  afterAll(async () => {
    await h.close();
  });

  const consumer = () =>
    bookingEventsConsumer({ payments: h.container.payments, refunds: h.container.refunds });
  const deliver = (type: string, data: BookingEventData, version: number) =>
    consumer().handle(createEvent({ type, aggregateId: data.bookingId, version, data }), {
      attempt: 1,
      logger,
    });
  const count = async (sql: string, value: string) =>
    Number((await h.container.pool.query<{ n: string }>(sql, [value])).rows[0]?.n ?? '0');

  it('a redelivered booking.created (a crash before the ack) makes one payment and one checkout', async () => {
    const booking = bookingData();
    await deliver(EventTypes.bookingCreated, booking, 1);
    await deliver(EventTypes.bookingCreated, booking, 1);
    await Promise.all([
      deliver(EventTypes.bookingCreated, booking, 1),
      deliver(EventTypes.bookingCreated, booking, 1),
    ]);
    expect(
      await count('SELECT count(*) AS n FROM payments WHERE booking_id = $1', booking.bookingId),
    ).toBe(1);
  });

  it('a PREPAY payment expires when its booking’s paymentDueAt says, not on a clock of its own', async () => {
    const dueAt = new Date(Date.now() + 7 * 60_000);
    dueAt.setUTCMilliseconds(0);
    const booking = bookingData({ paymentDueAt: dueAt.toISOString() });
    await deliver(EventTypes.bookingCreated, booking, 1);
    const { rows } = await h.container.pool.query<{ expires_at: Date }>(
      'SELECT expires_at FROM payments WHERE booking_id = $1',
      [booking.bookingId],
    );
    expect(rows[0]?.expires_at.toISOString()).toBe(dueAt.toISOString());
  });

  it('a NONE or POSTPAY booking.created makes no payment; POSTPAY’s booking.completed does, once', async () => {
    const none = bookingData({ paymentMode: 'NONE', paymentStatus: 'NOT_REQUIRED' });
    const later = bookingData({ paymentMode: 'POSTPAY', paymentStatus: 'NOT_REQUIRED' });
    await deliver(EventTypes.bookingCreated, none, 1);
    await deliver(EventTypes.bookingCreated, later, 1);
    expect(
      await count('SELECT count(*) AS n FROM payments WHERE booking_id = $1', none.bookingId),
    ).toBe(0);
    expect(
      await count('SELECT count(*) AS n FROM payments WHERE booking_id = $1', later.bookingId),
    ).toBe(0);
    const completed = { ...later, status: 'COMPLETED' as const };
    await deliver(EventTypes.bookingCompleted, completed, 4);
    await deliver(EventTypes.bookingCompleted, completed, 4);
    expect(
      await count('SELECT count(*) AS n FROM payments WHERE booking_id = $1', later.bookingId),
    ).toBe(1);
  });

  it('a redelivered booking.cancelled of a paid booking refunds once, by the policy', async () => {
    const customer = await h.person('CUSTOMER');
    const booking = bookingData({ userId: customer.id });
    await deliver(EventTypes.bookingCreated, booking, 1);
    const [payment] = (
      await h.container.pool.query<{ id: string }>(
        'SELECT id FROM payments WHERE booking_id = $1',
        [booking.bookingId],
      )
    ).rows;
    const paid = await h.simulate({ id: payment!.id }, customer);
    expect(paid.status).toBe('SUCCEEDED');
    const cancelled = {
      ...booking,
      status: 'CANCELLED' as const,
      cancelReason: 'plans changed',
      cancelledBy: booking.userId,
    };
    await deliver(EventTypes.bookingCancelled, cancelled, 3);
    await Promise.all([
      deliver(EventTypes.bookingCancelled, cancelled, 3),
      deliver(EventTypes.bookingCancelled, cancelled, 3),
    ]);
    expect(
      await count(
        'SELECT count(*) AS n FROM payment_refunds r JOIN payments p ON p.id = r.payment_id WHERE p.booking_id = $1',
        booking.bookingId,
      ),
    ).toBe(1);
    const { rows } = await h.container.pool.query<{ refunded_amount: string; status: string }>(
      'SELECT refunded_amount::text, status FROM payments WHERE booking_id = $1',
      [booking.bookingId],
    );
    // 72 hours ahead, 24 free: the customer's early cancellation is refunded in full.
    expect(rows[0]).toEqual({ refunded_amount: '40.00', status: 'REFUNDED' });
  });

  it('computes the refund percent as the policy says, at its edges', () => {
    const start = Date.now() + 48 * HOUR_MS;
    const booking = bookingData({
      startTime: new Date(start).toISOString(),
      cancellationPolicy: { freeCancellationHours: 24, lateRefundPercent: 30 },
    });
    const byCustomer = { ...booking, cancelledBy: booking.userId };
    expect(cancellationRefundPercent(byCustomer, new Date(start - 24 * HOUR_MS))).toBe(100);
    expect(cancellationRefundPercent(byCustomer, new Date(start - 24 * HOUR_MS + 1))).toBe(30);
    // The business, an admin or the platform: always in full.
    expect(
      cancellationRefundPercent({ ...booking, cancelledBy: booking.vendorId }, new Date(start - 1)),
    ).toBe(100);
    expect(cancellationRefundPercent({ ...booking, cancelledBy: null }, new Date(start - 1))).toBe(
      100,
    );
  });
});
