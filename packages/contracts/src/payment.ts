import { z } from 'zod';
import { currency, money } from './resource.js';

/** Payments (API.md, Payments) and what the payment service tells others about them. */
export const paymentStatuses = [
  'PENDING',
  'SUCCEEDED',
  'FAILED',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
] as const;
export const paymentStatus = z.enum(paymentStatuses);
export type PaymentStatus = z.infer<typeof paymentStatus>;

/**
 * What a payment is for; one payment per booking and kind. `PREPAY`: the booking's total, asked
 * for when the booking is made; `POSTPAY`: asked for once the booking is completed.
 */
export const paymentKinds = ['PREPAY', 'POSTPAY'] as const;
export const paymentKind = z.enum(paymentKinds);
export type PaymentKind = z.infer<typeof paymentKind>;

/** `simulated`: the local default, no money moves; `stripe`: Stripe Checkout. */
export const paymentProviders = ['simulated', 'stripe'] as const;
export const paymentProvider = z.enum(paymentProviders);
export type PaymentProviderName = z.infer<typeof paymentProvider>;

/**
 * Why a payment is FAILED: the provider declined it, nobody paid within the payment window, the
 * booking was cancelled before it was paid, or the provider could not be used.
 */
export const paymentFailureReasons = ['DECLINED', 'EXPIRED', 'CANCELLED'] as const;
export const paymentFailureReason = z.enum(paymentFailureReasons);
export type PaymentFailureReason = z.infer<typeof paymentFailureReason>;

/**
 * What every `payment.*` event carries: the payment as it is after the change. `aggregateId` is
 * the payment id and `version` the payment's version (1 at creation).
 */
export const paymentEventData = z.object({
  paymentId: z.uuid(),
  bookingId: z.uuid(),
  kind: paymentKind,
  /** The customer who pays. */
  userId: z.uuid(),
  businessId: z.uuid(),
  /** The business's owner (the booking's `vendorId`). */
  vendorId: z.uuid(),
  /** What is to be paid (or was paid), in `currency`. */
  amount: money,
  currency,
  status: paymentStatus,
  /** Refunded so far ("0.00" until a refund). */
  refundedAmount: money,
  provider: paymentProvider,
});
export type PaymentEventData = z.infer<typeof paymentEventData>;

/**
 * `payment.created`: the payment is PENDING and can be paid at `checkoutUrl`. Also written when a
 * FAILED payment is retried: a fresh checkout, the payment PENDING again, `attempt` above 1.
 */
export const paymentCreatedData = paymentEventData.extend({
  checkoutUrl: z.url(),
  /** When the checkout stops taking payment (PREPAY: the payment window); null: no deadline. */
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  /** 1 for the first checkout, n for the (n-1)th retry. */
  attempt: z.number().int().min(1),
});
export type PaymentCreatedData = z.infer<typeof paymentCreatedData>;

/** `payment.succeeded`: the provider took the money. */
export const paymentSucceededData = paymentEventData.extend({
  paidAt: z.iso.datetime({ offset: true }),
});
export type PaymentSucceededData = z.infer<typeof paymentSucceededData>;

/** `payment.failed`: declined, expired, or cancelled with its booking; `error` says more. */
export const paymentFailedData = paymentEventData.extend({
  reason: paymentFailureReason,
  error: z.string().nullable(),
});
export type PaymentFailedData = z.infer<typeof paymentFailedData>;

/**
 * `payment.refunded`: a refund went through. `amount` is still the payment's; `refundAmount` is
 * this refund's, `refundedAmount` the total so far; `status` is REFUNDED once it equals `amount`,
 * else PARTIALLY_REFUNDED. `refundedBy`: the owner or admin who asked; null when the platform did
 * (a cancellation's refund).
 */
export const paymentRefundedData = paymentEventData.extend({
  refundId: z.uuid(),
  refundAmount: money,
  reason: z.string(),
  refundedBy: z.uuid().nullable(),
});
export type PaymentRefundedData = z.infer<typeof paymentRefundedData>;
