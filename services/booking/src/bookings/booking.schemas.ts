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
/** The end of a range, with an example after the start's (isoInstant's) so that the pair works. */
const endingAt = (example: string) => instant.meta({ examples: [example] });

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
    endTime: endingAt('2026-06-01T10:00:00.000Z'),
    notes: z.string().trim().max(1000).optional(),
  })
  .superRefine(exactlyOneTarget)
  .meta({
    examples: [
      {
        resourceId: '0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
        startTime: '2026-06-01T09:00:00.000Z',
        endTime: '2026-06-01T10:00:00.000Z',
        notes: 'Arriving by train around 09:00',
      },
    ],
  });
export type CreateBookingBody = z.infer<typeof createBookingBody>;

export const cancelBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const rescheduleBody = z.strictObject({
  startTime: instant,
  endTime: endingAt('2026-06-01T10:00:00.000Z'),
});

export const bookingSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    vendorId: z.uuid(),
    businessId: z.uuid(),
    resourceId: z.uuid(),
    categoryId: z.uuid().nullable(),
    businessName: z.string().meta({ examples: ['Sakura Inn'] }),
    resourceName: z.string().meta({ examples: ['Tatami Room'] }),
    resourceType: z.string().meta({ examples: ['HOTEL_ROOM'] }),
    priceAtBooking: money,
    priceUnit,
    currency,
    totalPrice: money,
    timezone: z.string().meta({ examples: ['Asia/Tokyo'] }),
    startTime: z.iso.datetime(),
    endTime: z.iso.datetime().meta({ examples: ['2026-06-01T10:00:00.000Z'] }),
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
  to: endingAt('2026-06-08T09:00:00.000Z').optional(),
  sort: z.enum(['startTime', '-startTime', 'createdAt', '-createdAt']).default('startTime'),
};

export const availabilityQuery = z
  .strictObject({
    resourceId: z.uuid().optional(),
    categoryId: z.uuid().optional(),
    from: instant,
    to: endingAt('2026-06-08T09:00:00.000Z'),
    slotMinutes: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .optional(),
  })
  .superRefine(exactlyOneTarget);

const range = z.object({
  startTime: z.iso.datetime(),
  endTime: z.iso.datetime().meta({ examples: ['2026-06-01T10:00:00.000Z'] }),
});
export const availabilitySchema = z
  .object({
    timezone: z
      .string()
      .meta({ examples: ['Asia/Tokyo'] })
      .describe('the business’s time zone, in which hours and the grid count'),
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
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
  .meta({ examples: ['7f3c2a10-book-tatami-0601'] });
