import { formatDate } from '../time/time-range.js';
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
  platformCancellationLead,
  platformCancellationNext,
  platformCancelReason,
} from './platform-cancellation.js';
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

/**
 * What the cancellation was: a plain cancellation; a request the business turned down before
 * confirming it (declined); one nobody confirmed in time, which the platform let go (expired); or
 * one the platform cancelled for a reason of its own (an unpaid booking, its business, resource or
 * customer gone away), told in words rather than its code.
 */
export type CancellationKind = 'cancelled' | 'declined' | 'expired' | 'platform';

function cancelledLead(input: BookingMailInput, to: BookingParty, by: Canceller): string {
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

function leadFor(
  input: BookingMailInput,
  to: BookingParty,
  by: Canceller,
  kind: CancellationKind,
  context: TemplateContext,
): string {
  const { resourceName, businessName } = input.booking;
  const customer = input.customerName;
  switch (kind) {
    case 'platform': {
      const reason = platformCancelReason(input.booking);
      return reason
        ? platformCancellationLead(input, to, reason, context)
        : cancelledLead(input, to, by);
    }
    case 'cancelled':
      return cancelledLead(input, to, by);
    case 'declined':
      return to === 'customer'
        ? `${businessName} has declined your booking request for ${resourceName}.`
        : `The booking request for ${resourceName} by ${customer} has been declined.`;
    case 'expired':
      return to === 'customer'
        ? `${businessName} did not confirm your booking request for ${resourceName} in time, so the request has expired.`
        : `The booking request for ${resourceName} by ${customer} has expired: it was not confirmed in time.`;
  }
}

const HEADINGS: Record<CancellationKind, string> = {
  cancelled: 'Booking cancelled',
  declined: 'Booking request declined',
  expired: 'Booking request expired',
  platform: 'Booking cancelled',
};

/**
 * The reason as given; an expiry or a platform cancellation has none to give (its reason is a
 * code, already put in words by the lead).
 */
function reasonLine(input: BookingMailInput, kind: CancellationKind): string[] {
  if (kind === 'expired' || kind === 'platform') return [];
  const reason = input.booking.cancelReason?.trim();
  return [reason ? `Reason given: ${reason}` : 'No reason was given.'];
}

/**
 * A paid booking that the customer did not cancel themselves is refunded in full (the business,
 * an administrator or the platform cancelled it); the payment service does it and its own mail
 * follows. The customer's own cancellation refunds what the policy says, told by that mail alone.
 */
function refundLine(input: BookingMailInput, to: BookingParty, by: Canceller): string[] {
  const { paymentStatus, totalPrice, currency } = input.booking;
  if (by === 'customer') return [];
  if (paymentStatus === 'PAID') {
    return to === 'customer'
      ? [
          `The ${totalPrice} ${currency} you paid will be refunded in full; we will email you when it is.`,
        ]
      : ['The customer is refunded in full.'];
  }
  if (paymentStatus === 'PARTIALLY_REFUNDED') {
    return to === 'customer'
      ? ['What remains of your payment will be refunded; we will email you when it is.']
      : ['The customer is refunded what remains of their payment.'];
  }
  return [];
}

function nextSteps(
  input: BookingMailInput,
  to: BookingParty,
  kind: CancellationKind,
  context: TemplateContext,
): string[] {
  const reason = kind === 'platform' ? platformCancelReason(input.booking) : null;
  if (reason) return platformCancellationNext(input, to, reason, context);
  if (to === 'vendor') return ['The time is free again for other bookings.'];
  const resource = pageLinks.resource(context, input.booking.resourceId);
  return kind === 'expired'
    ? [`The time is free again: you can ask for it again, or for another, at ${resource}`]
    : [`If you still need it, you can book another time at ${resource}`];
}

/** The page each party follows the booking on: the customer's booking, the vendor's day. */
function followUp(
  input: BookingMailInput,
  to: BookingParty,
  context: TemplateContext,
): { url: string; label: string } {
  return to === 'customer'
    ? { url: pageLinks.booking(context, input.booking.bookingId), label: 'See the booking' }
    : { url: vendorBookingsOf(input.booking, context), label: 'See your bookings' };
}

export interface CancelledMailOptions {
  /** The mail carries the calendar file that removes the confirmed booking from the calendar. */
  withdraw?: boolean;
  kind?: CancellationKind;
}

/**
 * To whichever party did not cancel (both, when an administrator or the platform did), with the
 * reason, worded for what happened: cancelled, declined, expired or cancelled by the platform.
 */
export function renderBookingCancelledMail(
  input: BookingMailInput,
  to: BookingParty,
  by: Canceller,
  context: TemplateContext,
  { withdraw = false, kind = 'cancelled' }: CancelledMailOptions = {},
): RenderedMail {
  const facts = bookingFacts(input);
  const greeting = greetingName(input.recipientFirstName);
  const lead = [
    leadFor(input, to, by, kind, context),
    ...reasonLine(input, kind),
    ...refundLine(input, to, by),
  ];
  const next = nextSteps(input, to, kind, context);
  const closing = withdraw
    ? [...next, 'The attached calendar file removes the booking from your calendar.']
    : next;
  const page = followUp(input, to, context);
  const heading = HEADINGS[kind];
  const date = formatDate(bookingStart(input), input.zone);
  return renderMail(context, `${heading}: ${input.booking.resourceName} on ${date}`, {
    title: heading,
    body: html`${paragraphs([greeting, ...lead])} ${factsHtml(facts)} ${paragraphs(closing)}
    ${actionLink(page.url, page.label)}`,
    text: [
      greeting,
      '',
      ...lead,
      '',
      ...factsText(facts),
      '',
      ...closing,
      `${page.label} at ${page.url}`,
    ],
  });
}
