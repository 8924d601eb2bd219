import {
  bookingPaymentStatus,
  bookingStatus,
  cancellationPolicy,
  currency,
  money,
  paymentMode,
  priceUnit,
} from '@slotwise/contracts';
import { z } from 'zod';
import { isoInstant } from '@slotwise/platform/http';
import type { BookingRecord, HistoryEntry } from './booking.types.js';

const instant = isoInstant.describe('ISO 8601 with an offset, 1970–9999');

/** Exactly one of `resourceId` and `categoryId` (a room type: any free unit of it). */
function exactlyOneTarget(
  value: { resourceId?: string | undefined; categoryId?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if ((value.resourceId === undefined) === (value.categoryId === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['resourceId'],
      message: 'give exactly one of resourceId and categoryId',
    });
  }
}

export const createBookingBody = z
  .strictObject({
    resourceId: z.uuid().optional(),
    categoryId: z.uuid().optional(),
    startTime: instant,
    endTime: instant,
    notes: z.string().trim().max(1000).optional(),
  })
  .superRefine(exactlyOneTarget);
export type CreateBookingBody = z.infer<typeof createBookingBody>;

export const cancelBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const rescheduleBody = z.strictObject({ startTime: instant, endTime: instant });

export const bookingSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    vendorId: z.uuid(),
    businessId: z.uuid(),
    resourceId: z.uuid(),
    categoryId: z.uuid().nullable(),
    businessName: z.string(),
    resourceName: z.string(),
    resourceType: z.string(),
    priceAtBooking: money,
    priceUnit,
    currency,
    totalPrice: money,
    timezone: z.string(),
    startTime: z.iso.datetime(),
    endTime: z.iso.datetime(),
    status: bookingStatus,
    notes: z.string().nullable(),
    cancelledAt: z.iso.datetime().nullable(),
    cancelReason: z.string().nullable(),
    cancelledBy: z.uuid().nullable(),
    paymentMode: paymentMode.describe('the business’s payment mode when the booking was made'),
    paymentStatus: bookingPaymentStatus,
    paymentDueAt: z.iso
      .datetime()
      .nullable()
      .describe('while a PREPAY booking awaits payment: when it is released unpaid'),
    cancellationPolicy: cancellationPolicy.describe(
      'the business’s policy when the booking was made: what a cancellation refunds',
    ),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Booking' });
export type BookingJson = z.infer<typeof bookingSchema>;

export function presentBooking(booking: BookingRecord): BookingJson {
  const {
    version: _version,
    pooled: _pooled,
    bufferMinutes: _buffer,
    expiresAt: _expiresAt,
    reschedules: _reschedules,
    reminderSentAt: _reminderSentAt,
    paymentVersion: _paymentVersion,
    freeCancellationHours,
    lateRefundPercent,
    ...rest
  } = booking;
  return {
    ...rest,
    paymentDueAt: booking.paymentDueAt?.toISOString() ?? null,
    cancellationPolicy: { freeCancellationHours, lateRefundPercent },
    startTime: booking.startTime.toISOString(),
    endTime: booking.endTime.toISOString(),
    cancelledAt: booking.cancelledAt?.toISOString() ?? null,
    createdAt: booking.createdAt.toISOString(),
    updatedAt: booking.updatedAt.toISOString(),
  };
}

export const historySchema = z
  .object({
    fromStatus: bookingStatus.nullable(),
    toStatus: bookingStatus,
    changedBy: z.uuid().nullable().describe('null when the platform made the change (an expiry)'),
    reason: z.string().nullable(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'BookingStatusChange' });

export function presentHistory(entry: HistoryEntry): z.infer<typeof historySchema> {
  return { ...entry, at: entry.at.toISOString() };
}

export const listQuery = {
  status: bookingStatus.optional(),
  resourceId: z.uuid().optional(),
  businessId: z.uuid().optional(),
  from: instant.optional(),
  to: instant.optional(),
  sort: z.enum(['startTime', '-startTime', 'createdAt', '-createdAt']).default('startTime'),
};

export const availabilityQuery = z
  .strictObject({
    resourceId: z.uuid().optional(),
    categoryId: z.uuid().optional(),
    from: instant,
    to: instant,
    slotMinutes: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .optional(),
  })
  .superRefine(exactlyOneTarget);

const range = z.object({ startTime: z.iso.datetime(), endTime: z.iso.datetime() });
export const availabilitySchema = z
  .object({
    timezone: z.string().describe('the business’s time zone, in which hours and the grid count'),
    open: z.array(range).describe('open time in the window (the whole window when always open)'),
    busy: z.array(range).describe('time held by bookings, buffers included (for a resource)'),
    free: z
      .array(range.extend({ available: z.number().int().min(1) }))
      .describe('slots a booking could take now; `available`: how many units are free'),
  })
  .meta({ id: 'Availability' });

/** `Idempotency-Key`: printable, bounded. */
export const idempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');
