import type { BookingEventData, BookingStatus } from '@slotwise/contracts';
import type { EventEnvelope } from '@slotwise/platform/events';
import { buildBookingCalendar } from '../../calendar/booking-calendar.js';
import type { MailAttachment } from '../../notifications/mailer.js';
import { BOOKING_ICS_FILENAME } from '../../templates/booking.templates.js';
import type { TemplateContext } from '../../templates/template.js';

/** The statuses in which the customer holds the confirmation's calendar entry. */
const IN_CUSTOMERS_CALENDAR = new Set<BookingStatus>(['CONFIRMED', 'IN_PROGRESS']);

export function inCustomersCalendar(status: BookingStatus | null): boolean {
  return status !== null && IN_CUSTOMERS_CALENDAR.has(status);
}

/**
 * The booking as a calendar file for the customer, always the same UID: PUBLISH with the
 * confirmation and again, with the new times, when a confirmed booking is rescheduled; CANCEL when
 * a confirmed booking is cancelled. The event's version is the SEQUENCE: the booking service
 * raises it with every change of the booking, so each file sent is later than every one before
 * it (a reschedule's than the confirmation's, a cancellation's than the reschedule's).
 */
export function calendarAttachment(
  event: EventEnvelope<BookingEventData>,
  zone: string,
  method: 'PUBLISH' | 'CANCEL',
  templates: TemplateContext,
): MailAttachment {
  const booking = event.data;
  const ics = buildBookingCalendar({
    method,
    bookingId: booking.bookingId,
    sequence: event.version,
    stamp: new Date(event.occurredAt),
    start: new Date(booking.startTime),
    end: new Date(booking.endTime),
    zone,
    summary: `${booking.resourceName} at ${booking.businessName}`,
    location: booking.businessName,
    description: [
      `${booking.resourceName} at ${booking.businessName}`,
      `Total: ${booking.totalPrice} ${booking.currency}`,
      ...(booking.notes?.trim() ? [`Notes: ${booking.notes.trim()}`] : []),
      `Booking reference: ${booking.bookingId}`,
    ].join('\n'),
    organizer: { name: booking.businessName, email: templates.senderAddress },
    productName: templates.productName,
  });
  return {
    filename: BOOKING_ICS_FILENAME,
    content: ics,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
  };
}
