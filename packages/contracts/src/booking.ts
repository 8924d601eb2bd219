import { z } from 'zod';
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
});
export type BookingEventData = z.infer<typeof bookingEventData>;

/** `cancelReason` of a PENDING booking nobody confirmed within the business's window. */
export const EXPIRED_CANCEL_REASON = 'EXPIRED';
