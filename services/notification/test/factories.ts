import { randomUUID } from 'node:crypto';
import {
  EventTypes,
  type BookingEventData,
  type PaymentCreatedData,
  type PaymentEventData,
  type PaymentFailedData,
  type PaymentRefundedData,
  type PaymentSucceededData,
  type UserOtpRequestedData,
  type UserRegisteredData,
} from '@slotwise/contracts';
import { createEvent, type EventEnvelope } from '@slotwise/platform/events';

/** A recipient no other test writes to, so each test reads only its own mail. */
export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

export function buildOtpRequested(
  overrides: Partial<UserOtpRequestedData> = {},
  issuedAt = new Date(),
): EventEnvelope<UserOtpRequestedData> {
  const data: UserOtpRequestedData = {
    userId: randomUUID(),
    email: uniqueEmail('otp'),
    firstName: 'Ada',
    purpose: 'EMAIL_VERIFICATION',
    otp: String(100_000 + Math.floor(Math.random() * 900_000)),
    expiresAt: new Date(issuedAt.getTime() + 10 * 60_000).toISOString(),
    ...overrides,
  };
  return createEvent({
    type: EventTypes.userOtpRequested,
    aggregateId: data.userId,
    version: 1,
    data,
    occurredAt: issuedAt,
  });
}

export function buildUserProfile(overrides: Partial<UserRegisteredData> = {}): UserRegisteredData {
  const userId = overrides.userId ?? randomUUID();
  return {
    userId,
    email: uniqueEmail('user'),
    username: `user_${userId.slice(0, 8)}`,
    firstName: 'Grace',
    lastName: 'Hopper',
    role: 'CUSTOMER',
    status: 'PENDING_VERIFICATION',
    ...overrides,
  };
}

/** A `user.*` event about `user` at aggregate version `version`. */
export function buildUserEvent<T extends object>(
  type: string,
  userId: string,
  version: number,
  data: T,
): EventEnvelope<T> {
  return createEvent({ type, aggregateId: userId, version, data });
}

/** Two nights in Berlin across the end of summer time (25 October 2026), unless overridden. */
export function buildBookingData(overrides: Partial<BookingEventData> = {}): BookingEventData {
  return {
    bookingId: randomUUID(),
    userId: randomUUID(),
    vendorId: randomUUID(),
    businessId: randomUUID(),
    resourceId: randomUUID(),
    categoryId: null,
    businessName: 'Harbour Hotel',
    resourceName: 'Room 12',
    resourceType: 'HOTEL_ROOM',
    priceAtBooking: '120.00',
    priceUnit: 'PER_NIGHT',
    currency: 'EUR',
    totalPrice: '240.00',
    timezone: 'Europe/Berlin',
    startTime: '2026-10-24T13:00:00.000Z',
    endTime: '2026-10-26T10:00:00.000Z',
    status: 'PENDING',
    previousStatus: null,
    notes: null,
    cancelReason: null,
    cancelledBy: null,
    previousStartTime: null,
    previousEndTime: null,
    reschedules: 0,
    paymentMode: 'NONE',
    paymentStatus: 'NOT_REQUIRED',
    paymentDueAt: null,
    cancellationPolicy: { freeCancellationHours: 24, lateRefundPercent: 0 },
    ...overrides,
  };
}

/** A `booking.*` event as the booking service's outbox would publish it. */
export function buildBookingEvent(
  type: string,
  data: BookingEventData,
  version = 1,
  occurredAt?: Date,
): EventEnvelope<BookingEventData> {
  return createEvent({
    type,
    aggregateId: data.bookingId,
    version,
    data,
    ...(occurredAt ? { occurredAt } : {}),
  });
}

/** A PREPAY payment of 40.00 EUR as it is when created, unless overridden. */
export function buildPaymentData(overrides: Partial<PaymentEventData> = {}): PaymentEventData {
  return {
    paymentId: randomUUID(),
    bookingId: randomUUID(),
    kind: 'PREPAY',
    userId: randomUUID(),
    businessId: randomUUID(),
    vendorId: randomUUID(),
    amount: '40.00',
    currency: 'EUR',
    status: 'PENDING',
    refundedAmount: '0.00',
    provider: 'simulated',
    ...overrides,
  };
}

export function buildPaymentCreated(
  payment: PaymentEventData,
  overrides: Partial<PaymentCreatedData> = {},
): PaymentCreatedData {
  return {
    ...payment,
    status: 'PENDING',
    checkoutUrl: `https://pay.example.test/checkout/${payment.paymentId}`,
    expiresAt: '2026-10-24T12:30:00.000Z',
    attempt: 1,
    ...overrides,
  };
}

export function buildPaymentSucceeded(
  payment: PaymentEventData,
  overrides: Partial<PaymentSucceededData> = {},
): PaymentSucceededData {
  return { ...payment, status: 'SUCCEEDED', paidAt: '2026-10-20T09:15:00.000Z', ...overrides };
}

export function buildPaymentFailed(
  payment: PaymentEventData,
  overrides: Partial<PaymentFailedData> = {},
): PaymentFailedData {
  return { ...payment, status: 'FAILED', reason: 'DECLINED', error: null, ...overrides };
}

export function buildPaymentRefunded(
  payment: PaymentEventData,
  overrides: Partial<PaymentRefundedData> = {},
): PaymentRefundedData {
  return {
    ...payment,
    status: 'PARTIALLY_REFUNDED',
    refundedAmount: '15.00',
    refundId: randomUUID(),
    refundAmount: '15.00',
    reason: 'Towels were missing',
    refundedBy: payment.vendorId,
    ...overrides,
  };
}

/** A `payment.*` event as the payment service's outbox would publish it. */
export function buildPaymentEvent<T extends PaymentEventData>(
  type: string,
  data: T,
  version = 1,
): EventEnvelope<T> {
  return createEvent({ type, aggregateId: data.paymentId, version, data });
}
