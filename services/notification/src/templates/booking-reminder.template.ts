import { formatDate, formatTime } from '../time/time-range.js';
import { calendarDaysBetween } from '../time/zoned-time.js';
import {
  bookingFacts,
  bookingStart,
  factsHtml,
  factsText,
  type BookingMailInput,
} from './booking-details.js';
import { html } from './html.js';
import { actionLink, pageLinks } from './links.js';
import {
  greetingName,
  paragraphs,
  renderMail,
  type RenderedMail,
  type TemplateContext,
} from './template.js';

/**
 * "today at 15:00", "tomorrow at 15:00" or "on Saturday 24 October 2026 at 15:00": the start on the
 * business's clock, the day counted from when the reminder was due (the event's time, so a
 * redelivered or retried reminder reads the same as the first).
 */
export function whenFromNow(start: Date, remindedAt: Date, zone: string): string {
  const time = formatTime(start, zone);
  switch (calendarDaysBetween(remindedAt, start, zone)) {
    case 0:
      return `today at ${time}`;
    case 1:
      return `tomorrow at ${time}`;
    default:
      return `on ${formatDate(start, zone)} at ${time}`;
  }
}

function paymentLine(input: BookingMailInput): string[] {
  const { paymentMode, paymentStatus } = input.booking;
  if (paymentStatus === 'PAID') return ['It is paid: there is nothing left to pay.'];
  if (paymentMode === 'POSTPAY') {
    return ['You pay after your booking: we will email you the payment link then.'];
  }
  return [];
}

/** To the customer about a day before a confirmed booking starts (`booking.reminder_due`). */
export function renderBookingReminderMail(
  input: BookingMailInput,
  remindedAt: Date,
  context: TemplateContext,
): RenderedMail {
  const { booking } = input;
  const facts = bookingFacts(input);
  const greeting = greetingName(input.recipientFirstName);
  const when = whenFromNow(bookingStart(input), remindedAt, input.zone);
  const lead = `A reminder: your booking of ${booking.resourceName} at ${booking.businessName} starts ${when}.`;
  const page = pageLinks.booking(context, booking.bookingId);
  const closing = [
    ...paymentLine(input),
    `If you cannot make it, cancel or reschedule it at ${page} so that the time is free for someone else.`,
    `All times are local to ${booking.businessName} (${input.zone}).`,
  ];
  return renderMail(context, `Reminder: your booking at ${booking.businessName} ${when}`, {
    title: 'Booking reminder',
    body: html`${paragraphs([greeting, lead])} ${factsHtml(facts)} ${paragraphs(closing)}
    ${actionLink(page, 'See your booking')}`,
    text: [greeting, '', lead, '', ...factsText(facts), '', ...closing],
  });
}
