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

/** Who cancelled, as the event's `cancelledBy` compares with the booking's two parties. */
export type Canceller = 'customer' | 'vendor' | 'admin' | 'unknown';

/** Who the mail is for: each party is told in its own words. */
export type BookingParty = 'customer' | 'vendor';

function leadFor(input: BookingMailInput, to: BookingParty, by: Canceller): string {
  const { resourceName, businessName } = input.booking;
  const customer = input.customerName;
  if (to === 'customer') {
    switch (by) {
      case 'vendor':
        return `${businessName} has cancelled your booking of ${resourceName}.`;
      case 'admin':
        return `An administrator has cancelled your booking of ${resourceName} at ${businessName}.`;
      case 'customer':
      case 'unknown':
        return `Your booking of ${resourceName} at ${businessName} has been cancelled.`;
    }
  }
  switch (by) {
    case 'customer':
      return `${customer} has cancelled their booking of ${resourceName}.`;
    case 'admin':
      return `An administrator has cancelled the booking of ${resourceName} by ${customer}.`;
    case 'vendor':
    case 'unknown':
      return `The booking of ${resourceName} by ${customer} has been cancelled.`;
  }
}

export interface CancelledMailOptions {
  /** The mail carries the calendar file that removes the confirmed booking from the calendar. */
  withdraw?: boolean;
}

/** To whichever party did not cancel (both, when an administrator did), with the reason. */
export function renderBookingCancelledMail(
  input: BookingMailInput,
  to: BookingParty,
  by: Canceller,
  context: TemplateContext,
  { withdraw = false }: CancelledMailOptions = {},
): RenderedMail {
  const facts = bookingFacts(input);
  const greeting = greetingName(input.recipientFirstName);
  const lead = leadFor(input, to, by);
  const reason = input.booking.cancelReason?.trim();
  const why = reason ? `Reason given: ${reason}` : 'No reason was given.';
  const next =
    to === 'vendor'
      ? 'The time is free again for other bookings.'
      : `If you still need it, you can book another time at ${context.publicUrl}`;
  const closing = withdraw
    ? [next, 'The attached calendar file removes the booking from your calendar.']
    : [next];
  const date = formatDate(bookingStart(input), input.zone);
  return renderMail(context, `Booking cancelled: ${input.booking.resourceName} on ${date}`, {
    title: 'Booking cancelled',
    body: html`${paragraphs([greeting, lead, why])} ${factsHtml(facts)} ${paragraphs(closing)}`,
    text: [greeting, '', lead, why, '', ...factsText(facts), '', ...closing],
  });
}
