import { formatDate, formatInstant } from '../time/time-range.js';
import {
  bookingFacts,
  bookingStart,
  factsHtml,
  factsText,
  type BookingMailInput,
} from './booking-details.js';
import { html } from './html.js';
import { actionLink, pageLinks, vendorBookingsOf } from './links.js';
import {
  greetingName,
  paragraphs,
  renderMail,
  type RenderedMail,
  type TemplateContext,
} from './template.js';

/** The file name of the calendar attachment, which the confirmation mail mentions. */
export const BOOKING_ICS_FILENAME = 'booking.ics';

/**
 * To the vendor when a customer books. A PENDING booking is a request to confirm or decline; one
 * the resource confirmed on its own (`autoConfirm`, status CONFIRMED) only needs to be known.
 */
export function renderBookingRequestedMail(
  input: BookingMailInput,
  context: TemplateContext,
): RenderedMail {
  const { booking } = input;
  const facts = bookingFacts(input);
  const greeting = greetingName(input.recipientFirstName);
  const confirmed = booking.status === 'CONFIRMED';
  const lead = confirmed
    ? `${input.customerName} has booked ${booking.resourceName} at ${booking.businessName}.`
    : `${input.customerName} would like to book ${booking.resourceName} at ${booking.businessName}.`;
  const ask = confirmed
    ? 'The booking was confirmed automatically, so there is nothing for you to confirm; the customer has been sent the confirmation.'
    : 'Please confirm or decline the request. Until you do, the time stays reserved and the customer is waiting for your answer.';
  const action = confirmed ? 'See your bookings' : 'Confirm or decline';
  const bookings = vendorBookingsOf(booking, context);
  const link = `${confirmed ? 'See' : 'Review'} your bookings at ${bookings}`;
  const body = html`${paragraphs([greeting, lead])} ${factsHtml(facts)} ${paragraphs([ask])}
  ${actionLink(bookings, `${action} on ${context.productName}`)}`;
  const date = formatDate(bookingStart(input), input.zone);
  const title = confirmed ? 'New booking' : 'New booking request';
  return renderMail(context, `${title}: ${booking.resourceName} on ${date}`, {
    title,
    body,
    text: [greeting, '', lead, '', ...factsText(facts), '', ask, '', link],
  });
}

/**
 * A booking paid in advance is held only until its payment is due; the payment link comes in a
 * mail of its own (`payment.created`), which this one announces.
 */
function paymentHold(input: BookingMailInput): string[] {
  const { paymentStatus, paymentDueAt } = input.booking;
  if (paymentStatus !== 'PENDING') return [];
  const link = 'It is to be paid in advance: the payment link comes in a separate email.';
  if (!paymentDueAt) return [link];
  const due = formatInstant(new Date(paymentDueAt), input.zone);
  return [
    `${link} The time is held for you until ${due}; if it is not paid by then, the booking is released.`,
  ];
}

/** To the customer when their booking is made PENDING: the business has yet to confirm it. */
export function renderBookingRequestReceivedMail(
  input: BookingMailInput,
  context: TemplateContext,
): RenderedMail {
  const { booking } = input;
  const facts = bookingFacts(input);
  const greeting = greetingName(input.recipientFirstName);
  const lead = `Your request to book ${booking.resourceName} at ${booking.businessName} has been received.`;
  const pending = `${booking.businessName} still has to confirm it. We will email you as soon as they do; if they do not confirm it in time, the request expires and we will tell you.`;
  const hold = paymentHold(input);
  const times = `All times are local to ${booking.businessName} (${input.zone}).`;
  const page = pageLinks.booking(context, booking.bookingId);
  const date = formatDate(bookingStart(input), input.zone);
  return renderMail(context, `Booking request received: ${booking.resourceName} on ${date}`, {
    title: 'Booking request received',
    body: html`${paragraphs([greeting, lead, pending, ...hold])} ${factsHtml(facts)}
    ${paragraphs([times])} ${actionLink(page, 'See your booking')}`,
    text: [
      greeting,
      '',
      lead,
      pending,
      ...hold,
      '',
      ...factsText(facts),
      '',
      times,
      `See your booking at ${page}`,
    ],
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
  const page = pageLinks.booking(context, booking.bookingId);
  return renderMail(
    context,
    `Booking confirmed: ${booking.resourceName} at ${booking.businessName}`,
    {
      title: 'Your booking is confirmed',
      body: html`${paragraphs([greeting, lead])} ${factsHtml(facts)}
      ${paragraphs([calendar, times])} ${actionLink(page, 'See your booking')}`,
      text: [
        greeting,
        '',
        lead,
        '',
        ...factsText(facts),
        '',
        calendar,
        times,
        `See your booking at ${page}`,
      ],
    },
  );
}
