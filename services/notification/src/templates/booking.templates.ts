import { formatDate } from '../time/time-range.js';
import {
  bookingFacts,
  bookingStart,
  factsHtml,
  factsText,
  type BookingMailInput,
} from './booking-details.js';
import { html } from './html.js';
import {
  greetingName,
  paragraphs,
  renderMail,
  type RenderedMail,
  type TemplateContext,
} from './template.js';

/** The file name of the calendar attachment, which the confirmation mail mentions. */
export const BOOKING_ICS_FILENAME = 'booking.ics';

/** To the vendor when a customer books: the booking is PENDING until they confirm it. */
export function renderBookingRequestedMail(
  input: BookingMailInput,
  context: TemplateContext,
): RenderedMail {
  const { booking } = input;
  const facts = bookingFacts(input);
  const greeting = greetingName(input.recipientFirstName);
  const lead = `${input.customerName} would like to book ${booking.resourceName} at ${booking.businessName}.`;
  const ask =
    'Please confirm or decline the request. Until you do, the time stays reserved and the customer is waiting for your answer.';
  const link = `Review your bookings at ${context.publicUrl}`;
  const body = html`${paragraphs([greeting, lead])} ${factsHtml(facts)} ${paragraphs([ask])}
    <p style="font-size:15px">
      <a href="${context.publicUrl}">Confirm or decline on ${context.productName}</a>
    </p>`;
  const date = formatDate(bookingStart(input), input.zone);
  return renderMail(context, `New booking request: ${booking.resourceName} on ${date}`, {
    title: 'New booking request',
    body,
    text: [greeting, '', lead, '', ...factsText(facts), '', ask, '', link],
  });
}

/** To the customer once the business confirms; the calendar file travels with it. */
export function renderBookingConfirmedMail(
  input: BookingMailInput,
  context: TemplateContext,
): RenderedMail {
  const { booking } = input;
  const facts = bookingFacts(input);
  const greeting = greetingName(input.recipientFirstName);
  const lead = `${booking.businessName} has confirmed your booking of ${booking.resourceName}.`;
  const calendar = `Open the attached ${BOOKING_ICS_FILENAME} to add it to your calendar.`;
  const times = `All times are local to ${booking.businessName} (${input.zone}).`;
  return renderMail(
    context,
    `Booking confirmed: ${booking.resourceName} at ${booking.businessName}`,
    {
      title: 'Your booking is confirmed',
      body: html`${paragraphs([greeting, lead])} ${factsHtml(facts)}
      ${paragraphs([calendar, times])}`,
      text: [greeting, '', lead, '', ...factsText(facts), '', calendar, times],
    },
  );
}
