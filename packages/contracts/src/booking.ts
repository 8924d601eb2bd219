import { z } from 'zod';
import {
  CANCELLATION_POLICY_DEFAULTS,
  PAYMENT_MODE_DEFAULT,
  cancellationPolicy,
  paymentMode,
} from './business.js';
import { currency, money, priceUnit } from './resource.js';

/** Bookings (API.md, Booking) and what the booking service tells others about them. */
export const bookingStatuses = [
  'PENDING',
  'CONFIRMED',
  'IN_PROGRESS',
  'COMPLETED',
  'CANCELLED',
  'NO_SHOW',
] as const;
export const bookingStatus = z.enum(bookingStatuses);
export type BookingStatus = z.infer<typeof bookingStatus>;

/**
 * Where a booking's money stands (API.md, Booking): `NOT_REQUIRED` under paymentMode NONE (and
 * under POSTPAY until the booking is completed), then `PENDING` while a payment waits, `PAID`,
 * `FAILED`, `REFUNDED` or `PARTIALLY_REFUNDED`.
 */
export const bookingPaymentStatuses = [
  'NOT_REQUIRED',
  'PENDING',
  'PAID',
  'FAILED',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
] as const;
export const bookingPaymentStatus = z.enum(bookingPaymentStatuses);
export type BookingPaymentStatus = z.infer<typeof bookingPaymentStatus>;

/**
 * Data of every `booking.*` event (created, confirmed, checked_in, completed, cancelled,
 * no_show): the booking with its snapshot as it is after the change. Times are ISO instants;
 * `timezone` is the business's, for showing them as the business sees them.
 */
export const bookingEventData = z.object({
  bookingId: z.uuid(),
  userId: z.uuid(),
  vendorId: z.uuid(),
  businessId: z.uuid(),
  resourceId: z.uuid(),
  /** The room type it was booked under (or its resource's category); null when none. */
  categoryId: z.uuid().nullable().default(null),
  businessName: z.string(),
  resourceName: z.string(),
  resourceType: z.string(),
  priceAtBooking: money,
  priceUnit,
  currency,
  totalPrice: money,
  timezone: z.string(),
  startTime: z.iso.datetime({ offset: true }),
  endTime: z.iso.datetime({ offset: true }),
  status: bookingStatus,
  /**
   * The status before this change; null on `booking.created`. Events written before the field
   * existed read as null.
   */
  previousStatus: bookingStatus.nullable().default(null),
  notes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /**
   * Who cancelled: the customer, the business owner or an admin; null when the platform did
   * (`cancelReason` `EXPIRED`: nobody confirmed the request in time).
   */
  cancelledBy: z.uuid().nullable(),
  /** On `booking.rescheduled`: the times before the move; null on every other event. */
  previousStartTime: z.iso.datetime({ offset: true }).nullable().default(null),
  previousEndTime: z.iso.datetime({ offset: true }).nullable().default(null),
  /**
   * How many times its times changed (0 when made): a calendar entry's SEQUENCE grows with it.
   * Read as 0 where the sender predates the field.
   */
  reschedules: z.number().int().min(0).default(0),
  /** The business's payment mode when the booking was made (read as NONE from older senders). */
  paymentMode: paymentMode.default(PAYMENT_MODE_DEFAULT),
  paymentStatus: bookingPaymentStatus.default('NOT_REQUIRED'),
  /** While a PREPAY booking awaits its payment: when it is released unpaid. */
  paymentDueAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** The business's policy when the booking was made: what a cancellation refunds. */
  cancellationPolicy: cancellationPolicy.default(() => ({ ...CANCELLATION_POLICY_DEFAULTS })),
});
export type BookingEventData = z.infer<typeof bookingEventData>;

/** `cancelReason` of a PENDING booking nobody confirmed within the business's window. */
export const EXPIRED_CANCEL_REASON = 'EXPIRED';
/** `cancelReason` of a PREPAY booking whose payment the provider declined. */
export const PAYMENT_FAILED_CANCEL_REASON = 'PAYMENT_FAILED';
/** `cancelReason` of a PREPAY booking nobody paid within the payment window. */
export const PAYMENT_EXPIRED_CANCEL_REASON = 'PAYMENT_EXPIRED';

/**
 * `cancelReason` of the future bookings the platform cancels because what they depend on went
 * away: their business suspended or deleted, their resource deleted or put in maintenance (when
 * the business chose CANCEL), their customer suspended or deleted. Refunded in full.
 */
export const PlatformCancelReasons = {
  businessSuspended: 'BUSINESS_SUSPENDED',
  businessDeleted: 'BUSINESS_DELETED',
  resourceDeleted: 'RESOURCE_DELETED',
  resourceMaintenance: 'RESOURCE_MAINTENANCE',
  userSuspended: 'USER_SUSPENDED',
  userDeleted: 'USER_DELETED',
} as const;
