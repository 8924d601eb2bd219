import { formatDate, formatTimeRange } from '../time/time-range.js';
import type { BookingParty } from './booking-cancelled.template.js';
import {
  bookingFacts,
  bookingStart,
  factsHtml,
  factsText,
  type BookingMailInput,
} from './booking-details.js';
import { BOOKING_ICS_FILENAME } from './booking.templates.js';
import { html } from './html.js';
import { actionLink, pageLinks, vendorBookingsOf } from './links.js';
import {
  greetingName,
  paragraphs,
  renderMail,
  type RenderedMail,
  type TemplateContext,
} from './template.js';

export interface RescheduledMailOptions {
  /** The mail carries the calendar file that moves the confirmed booking in the calendar. */
  update?: boolean;
}

/**
 * The usual facts with the time split in two: the new one and, when the event says, the one it
 * had before. Both in the business's zone.
 */
function rescheduleFacts(input: BookingMailInput): [string, string][] {
  const { previousStartTime, previousEndTime } = input.booking;
  const previous =
    previousStartTime && previousEndTime
      ? formatTimeRange(new Date(previousStartTime), new Date(previousEndTime), input.zone)
      : null;
  return bookingFacts(input).flatMap(([label, value]): [string, string][] => {
    if (label !== 'When') return [[label, value]];
    return previous === null
      ? [['New time', value]]
      : [
          ['New time', value],
          ['Previous time', previous],
        ];
  });
}

/** To both parties when a booking's times change; the confirmed customer's calendar follows. */
export function renderBookingRescheduledMail(
  input: BookingMailInput,
  to: BookingParty,
  context: TemplateContext,
  { update = false }: RescheduledMailOptions = {},
): RenderedMail {
  const { booking } = input;
  const facts = rescheduleFacts(input);
  const greeting = greetingName(input.recipientFirstName);
  const lead =
    to === 'customer'
      ? `Your booking of ${booking.resourceName} at ${booking.businessName} has been moved to a new time.`
      : `The booking of ${booking.resourceName} by ${input.customerName} has been moved to a new time.`;
  const pending =
    booking.status !== 'PENDING'
      ? []
      : to === 'customer'
        ? [`${booking.businessName} still has to confirm it.`]
        : ['It still waits for you to confirm or decline it.'];
  // The vendor's bookings open at the booking's new day.
  const page =
    to === 'customer'
      ? { url: pageLinks.booking(context, booking.bookingId), label: 'See your booking' }
      : { url: vendorBookingsOf(booking, context), label: 'Review your bookings' };
  const closing = [
    ...(update
      ? [`The attached ${BOOKING_ICS_FILENAME} updates the booking in your calendar.`]
      : []),
    `All times are local to ${booking.businessName} (${input.zone}).`,
  ];
  const date = formatDate(bookingStart(input), input.zone);
  return renderMail(context, `Booking rescheduled: ${booking.resourceName} on ${date}`, {
    title: 'Booking rescheduled',
    body: html`${paragraphs([greeting, lead, ...pending])} ${factsHtml(facts)}
    ${paragraphs(closing)} ${actionLink(page.url, page.label)}`,
    text: [
      greeting,
      '',
      lead,
      ...pending,
      '',
      ...factsText(facts),
      '',
      ...closing,
      `${page.label} at ${page.url}`,
    ],
  });
}
