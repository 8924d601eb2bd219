import { bookingStatus, currency, money, priceUnit } from '@slotwise/contracts';
import { z } from 'zod';
import type { BookingRecord, HistoryEntry } from './booking.types.js';

const instant = z.iso.datetime({ offset: true }).describe('ISO 8601 with an offset');

export const createBookingBody = z.strictObject({
  resourceId: z.uuid(),
  startTime: instant,
  endTime: instant,
  notes: z.string().trim().max(1000).optional(),
});
export type CreateBookingBody = z.infer<typeof createBookingBody>;

export const cancelBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const bookingSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    vendorId: z.uuid(),
    businessId: z.uuid(),
    resourceId: z.uuid(),
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
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Booking' });
export type BookingJson = z.infer<typeof bookingSchema>;

export function presentBooking(booking: BookingRecord): BookingJson {
  const { version: _version, ...rest } = booking;
  return {
    ...rest,
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
    changedBy: z.uuid(),
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

export const availabilityQuery = z.strictObject({
  resourceId: z.uuid(),
  from: instant,
  to: instant,
  slotMinutes: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .optional(),
});

const range = z.object({ startTime: z.iso.datetime(), endTime: z.iso.datetime() });
export const availabilitySchema = z
  .object({ busy: z.array(range), free: z.array(range).optional() })
  .meta({ id: 'Availability' });

/** `Idempotency-Key`: printable, bounded. */
export const idempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');
