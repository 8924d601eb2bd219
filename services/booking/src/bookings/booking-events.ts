import type { BookingEventData, BookingStatus, EventType } from '@slotwise/contracts';
import { createEvent, type EventEnvelope } from '@slotwise/platform/events';
import type { BookingRecord } from './booking.types.js';

/**
 * The event of a change to `booking`, which was at `previousStatus` before (null: new); for a
 * reschedule, `previous` is the booking before the move.
 */
export function bookingEvent(
  type: EventType,
  booking: BookingRecord,
  previousStatus: BookingStatus | null,
  requestId?: string,
  previous?: Pick<BookingRecord, 'startTime' | 'endTime'>,
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
      categoryId: booking.categoryId,
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
      previousStartTime: previous?.startTime.toISOString() ?? null,
      previousEndTime: previous?.endTime.toISOString() ?? null,
      reschedules: booking.reschedules,
      paymentMode: booking.paymentMode,
      paymentStatus: booking.paymentStatus,
      paymentDueAt: booking.paymentDueAt?.toISOString() ?? null,
      cancellationPolicy: {
        freeCancellationHours: booking.freeCancellationHours,
        lateRefundPercent: booking.lateRefundPercent,
      },
    },
  });
}
