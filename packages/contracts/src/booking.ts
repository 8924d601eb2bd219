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
  /** Who cancelled: the customer, the business owner or an admin. */
  cancelledBy: z.uuid().nullable(),
});
export type BookingEventData = z.infer<typeof bookingEventData>;
