import { createEvent, type EventEnvelope } from '@slotwise/platform/events';
import type { BookingRecord } from './booking.types.js';

/** The data of every `booking.*` event: the booking with its snapshot, as it is after the change. */
export interface BookingEventData {
  bookingId: string;
  userId: string;
  vendorId: string;
  businessId: string;
  resourceId: string;
  businessName: string;
  resourceName: string;
  resourceType: string;
  priceAtBooking: string;
  priceUnit: string;
  currency: string;
  totalPrice: string;
  timezone: string;
  startTime: string;
  endTime: string;
  status: string;
  notes: string | null;
  cancelReason: string | null;
  cancelledBy: string | null;
}

export function bookingEvent(
  type: string,
  booking: BookingRecord,
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
      notes: booking.notes,
      cancelReason: booking.cancelReason,
      cancelledBy: booking.cancelledBy,
    },
  });
}
