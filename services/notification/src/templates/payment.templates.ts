import type {
  PaymentCreatedData,
  PaymentEventData,
  PaymentFailedData,
  PaymentRefundedData,
  PaymentSucceededData,
} from '@slotwise/contracts';
import { formatInstant } from '../time/time-range.js';
import { factsHtml, factsText } from './booking-details.js';
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
 * What every payment mail is built from. Payment events name neither the business nor its time
 * zone, so these mails name the booking by its reference and give times in UTC, named as such.
 */
export interface PaymentMailInput<T extends PaymentEventData> {
  payment: T;
  /** The first name of the customer, from the user read model. */
  recipientFirstName: string | null;
}

const PAYMENT_ZONE = 'UTC';

/** "40.00 EUR": the decimal string as it came, never a float. */
export function money(amount: string, currency: string): string {
  return `${amount} ${currency}`;
}

function references(payment: PaymentEventData): [string, string][] {
  return [
    ['Booking reference', payment.bookingId],
    ['Payment reference', payment.paymentId],
  ];
}

function paymentLead(payment: PaymentCreatedData, amount: string): string {
  if (payment.attempt > 1) {
    return `Here is a new link to pay ${amount} for your booking. Links sent before this one no longer work.`;
  }
  return payment.kind === 'PREPAY'
    ? `To secure your booking, please pay ${amount}.`
    : `Your booking is complete. Please pay ${amount} for it.`;
}

function deadlineLine(payment: PaymentCreatedData, deadline: string): string {
  return payment.kind === 'PREPAY'
    ? `Please pay by ${deadline}: a booking that is not paid by then is released and its time offered to others.`
    : `Please pay by ${deadline}.`;
}

/** To the customer on `payment.created`: the checkout link, the amount and any deadline. */
export function renderPaymentLinkMail(
  input: PaymentMailInput<PaymentCreatedData>,
  context: TemplateContext,
): RenderedMail {
  const { payment } = input;
  const amount = money(payment.amount, payment.currency);
  const deadline = payment.expiresAt
    ? formatInstant(new Date(payment.expiresAt), PAYMENT_ZONE)
    : null;
  const greeting = greetingName(input.recipientFirstName);
  const lead = [
    paymentLead(payment, amount),
    ...(deadline ? [deadlineLine(payment, deadline)] : []),
  ];
  const facts: [string, string][] = [
    ['Amount', amount],
    ...(deadline ? [['Pay by', deadline] as [string, string]] : []),
    ...references(payment),
  ];
  const link = `Pay now: ${payment.checkoutUrl}`;
  const booking = pageLinks.booking(context, payment.bookingId);
  const subject =
    payment.attempt > 1
      ? `A new link to complete your payment of ${amount}`
      : `Complete your payment of ${amount}`;
  return renderMail(context, subject, {
    title: payment.attempt > 1 ? 'A new payment link' : 'Complete your payment',
    body: html`${paragraphs([greeting, ...lead])}
    ${actionLink(payment.checkoutUrl, `Pay ${amount} now`)} ${factsHtml(facts)}
    ${actionLink(booking, 'See your booking')}`,
    text: [
      greeting,
      '',
      ...lead,
      '',
      link,
      '',
      ...factsText(facts),
      '',
      `See your booking at ${booking}`,
    ],
  });
}

/** To the customer on `payment.succeeded`: the receipt. */
export function renderPaymentReceiptMail(
  input: PaymentMailInput<PaymentSucceededData>,
  context: TemplateContext,
): RenderedMail {
  const { payment } = input;
  const amount = money(payment.amount, payment.currency);
  const greeting = greetingName(input.recipientFirstName);
  const lead = `Thank you: we have received your payment of ${amount}.`;
  const facts: [string, string][] = [
    ['Amount paid', amount],
    ['Paid on', formatInstant(new Date(payment.paidAt), PAYMENT_ZONE)],
    ...references(payment),
  ];
  const keep = 'Keep this email as your receipt.';
  const booking = pageLinks.booking(context, payment.bookingId);
  return renderMail(context, `Receipt for your payment of ${amount}`, {
    title: 'Payment receipt',
    body: html`${paragraphs([greeting, lead])} ${factsHtml(facts)} ${paragraphs([keep])}
    ${actionLink(booking, 'See your booking')}`,
    text: [greeting, '', lead, '', ...factsText(facts), '', keep, `See your booking at ${booking}`],
  });
}

/** What became of the booking: a PREPAY booking is released, a POSTPAY payment can be retried. */
function afterFailure(payment: PaymentFailedData, context: TemplateContext): string {
  return payment.kind === 'PREPAY'
    ? 'Without its payment the booking cannot be kept: it is released, and its time is free again.'
    : `You can try again: open your bookings at ${pageLinks.booking(context, payment.bookingId)} and pay from there.`;
}

/**
 * To the customer on `payment.failed` when it was declined or ran out of time. (A payment
 * cancelled with its booking gets no mail: the cancellation mail says enough.)
 */
export function renderPaymentFailedMail(
  input: PaymentMailInput<PaymentFailedData>,
  context: TemplateContext,
): RenderedMail {
  const { payment } = input;
  const amount = money(payment.amount, payment.currency);
  const greeting = greetingName(input.recipientFirstName);
  const what =
    payment.reason === 'EXPIRED'
      ? `The time to pay ${amount} for your booking has run out, so the payment did not go through.`
      : `Your payment of ${amount} was declined, so it did not go through.`;
  const lead = [what, 'No money was taken.', afterFailure(payment, context)];
  const facts: [string, string][] = [['Amount', amount], ...references(payment)];
  const booking = pageLinks.booking(context, payment.bookingId);
  const retry = payment.kind === 'POSTPAY';
  return renderMail(context, `Your payment of ${amount} did not go through`, {
    title: 'Payment not completed',
    body: html`${paragraphs([greeting, ...lead])} ${factsHtml(facts)}
    ${actionLink(booking, retry ? 'Pay from your booking' : 'See your booking')}`,
    // The retry line already gives the booking's address.
    text: [
      greeting,
      '',
      ...lead,
      '',
      ...factsText(facts),
      ...(retry ? [] : ['', `See your booking at ${booking}`]),
    ],
  });
}

/** To the customer on `payment.refunded`: this refund, what is refunded in all, and why. */
export function renderPaymentRefundedMail(
  input: PaymentMailInput<PaymentRefundedData>,
  context: TemplateContext,
): RenderedMail {
  const { payment } = input;
  const refund = money(payment.refundAmount, payment.currency);
  const paid = money(payment.amount, payment.currency);
  const total = money(payment.refundedAmount, payment.currency);
  const greeting = greetingName(input.recipientFirstName);
  const full = payment.status === 'REFUNDED';
  const lead = [
    `We have refunded ${refund} of your payment of ${paid}.`,
    ...(full && payment.refundedAmount !== payment.refundAmount
      ? [`Your payment is now refunded in full (${total} in all).`]
      : []),
    ...(!full ? [`So far ${total} of ${paid} has been refunded.`] : []),
    payment.refundedBy === null
      ? 'The refund is for your cancelled booking.'
      : `Reason given: ${payment.reason}`,
  ];
  const facts: [string, string][] = [
    ['Refunded now', refund],
    ['Refunded in all', `${total} of ${paid}`],
    ...references(payment),
  ];
  const timing = 'It can take a few days for the money to reach your account.';
  const booking = pageLinks.booking(context, payment.bookingId);
  return renderMail(context, `Your refund of ${refund}`, {
    title: 'Refund',
    body: html`${paragraphs([greeting, ...lead])} ${factsHtml(facts)} ${paragraphs([timing])}
    ${actionLink(booking, 'See your booking')}`,
    text: [
      greeting,
      '',
      ...lead,
      '',
      ...factsText(facts),
      '',
      timing,
      `See your booking at ${booking}`,
    ],
  });
}
