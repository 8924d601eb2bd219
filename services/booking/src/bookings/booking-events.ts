import type { BookingEventData, BookingStatus } from '@slotwise/contracts';
import { createEvent, type EventEnvelope } from '@slotwise/platform/events';
import type { BookingRecord } from './booking.types.js';

/** The event of a change to `booking`, which was at `previousStatus` before (null: new). */
export function bookingEvent(
  type: string,
  booking: BookingRecord,
  previousStatus: BookingStatus | null,
  requestId?: string,
): EventEnvelope<BookingEventData> {
  return createEvent<BookingEventData>({
    type,
    aggregateId: booking.id,
    version: booking.version,
    occurredAt: booking.updatedAt,
    ...(requestId ? { requestId } : {}),
    data: {
      bookingId: booking.id,
      userId: booking.userId,
      vendorId: booking.vendorId,
      businessId: booking.businessId,
      resourceId: booking.resourceId,
      businessName: booking.businessName,
      resourceName: booking.resourceName,
      resourceType: booking.resourceType,
      priceAtBooking: booking.priceAtBooking,
      priceUnit: booking.priceUnit,
      currency: booking.currency,
      totalPrice: booking.totalPrice,
      timezone: booking.timezone,
      startTime: booking.startTime.toISOString(),
      endTime: booking.endTime.toISOString(),
      status: booking.status,
      previousStatus,
      notes: booking.notes,
      cancelReason: booking.cancelReason,
      cancelledBy: booking.cancelledBy,
    },
  });
}
