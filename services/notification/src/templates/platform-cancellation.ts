import {
  PAYMENT_EXPIRED_CANCEL_REASON,
  PAYMENT_FAILED_CANCEL_REASON,
  PlatformCancelReasons,
  type BookingEventData,
} from '@slotwise/contracts';
import type { BookingMailInput } from './booking-details.js';
import { pageLinks } from './links.js';
import type { TemplateContext } from './template.js';

/**
 * The codes the platform cancels with (`cancelledBy` null) besides EXPIRED, which has a wording
 * of its own: an unpaid PREPAY booking, or what the booking depends on gone away.
 */
const PLATFORM_REASONS = [
  PAYMENT_FAILED_CANCEL_REASON,
  PAYMENT_EXPIRED_CANCEL_REASON,
  ...Object.values(PlatformCancelReasons),
] as const;
export type PlatformCancelReason = (typeof PLATFORM_REASONS)[number];

/** The platform's reason for cancelling this booking, or null when a person cancelled it. */
export function platformCancelReason(booking: BookingEventData): PlatformCancelReason | null {
  if (booking.cancelledBy !== null) return null;
  const reason = PLATFORM_REASONS.find((code) => code === booking.cancelReason);
  return reason ?? null;
}

interface Why {
  /** "… has been cancelled because <customer>." */
  customer: (booking: BookingEventData, product: string) => string;
  /** "… has been cancelled because <vendor>." */
  vendor: (booking: BookingEventData) => string;
  /** What the customer can do now. */
  next: (booking: BookingEventData, context: TemplateContext) => string;
  /** The business is gone: the vendor is not told the time is free for other bookings. */
  businessGone?: boolean;
}

/** The resource is gone or closed: its business's page offers what else it has. */
const rebook = (b: BookingEventData, context: TemplateContext): string =>
  `If you still need it, you can book another time or another place at ${pageLinks.business(context, b.businessId)}`;
/** The business is gone: the search for another starts on the home page. */
const elsewhere = (_b: BookingEventData, { publicUrl }: TemplateContext): string =>
  `You can find another place to book at ${publicUrl}`;
/** Only the payment failed: the same resource can be booked again. */
const bookAgain = (b: BookingEventData, context: TemplateContext): string =>
  `The time is free again: you can book it again, or another, at ${pageLinks.resource(context, b.resourceId)}`;
const support = (): string =>
  'If you think this is a mistake, contact the support team by replying to this email.';

const WHY: Record<PlatformCancelReason, Why> = {
  PAYMENT_FAILED: {
    customer: () => 'its payment did not go through',
    vendor: () => 'the customer’s payment did not go through',
    next: bookAgain,
  },
  PAYMENT_EXPIRED: {
    customer: () => 'it was not paid in time',
    vendor: () => 'the customer did not pay in time',
    next: bookAgain,
  },
  BUSINESS_SUSPENDED: {
    customer: (b, product) =>
      `${b.businessName} has been suspended on ${product} and cannot take bookings for now`,
    vendor: (b) => `${b.businessName} has been suspended`,
    next: elsewhere,
    businessGone: true,
  },
  BUSINESS_DELETED: {
    customer: (b, product) => `${b.businessName} is no longer on ${product}`,
    vendor: (b) => `${b.businessName} has been deleted`,
    next: elsewhere,
    businessGone: true,
  },
  RESOURCE_DELETED: {
    customer: (b) => `${b.businessName} no longer offers ${b.resourceName}`,
    vendor: (b) => `${b.resourceName} has been deleted`,
    next: rebook,
  },
  RESOURCE_MAINTENANCE: {
    customer: (b) => `${b.resourceName} is closed for maintenance`,
    vendor: (b) =>
      `${b.resourceName} was put in maintenance, and ${b.businessName} cancels the bookings of a resource in maintenance`,
    next: rebook,
  },
  USER_SUSPENDED: {
    customer: (_b, product) => `your ${product} account has been suspended`,
    vendor: () => 'the customer’s account has been suspended',
    next: support,
  },
  USER_DELETED: {
    customer: (_b, product) => `your ${product} account has been deleted`,
    vendor: () => 'the customer’s account has been deleted',
    next: support,
  },
};

/** The lead of a platform cancellation's mail: what was cancelled and why, in words. */
export function platformCancellationLead(
  input: BookingMailInput,
  to: 'customer' | 'vendor',
  reason: PlatformCancelReason,
  context: TemplateContext,
): string {
  const { booking } = input;
  return to === 'customer'
    ? `Your booking of ${booking.resourceName} at ${booking.businessName} has been cancelled because ${WHY[reason].customer(booking, context.productName)}.`
    : `The booking of ${booking.resourceName} by ${input.customerName} has been cancelled because ${WHY[reason].vendor(booking)}.`;
}

/** What the reader can do, or should know, after a platform cancellation. */
export function platformCancellationNext(
  input: BookingMailInput,
  to: 'customer' | 'vendor',
  reason: PlatformCancelReason,
  context: TemplateContext,
): string[] {
  const why = WHY[reason];
  if (to === 'customer') return [why.next(input.booking, context)];
  return [
    'The customer has been told.',
    ...(why.businessGone ? [] : ['The time is free again for other bookings.']),
  ];
}
