import {
  currency,
  money,
  paymentFailureReason,
  paymentKind,
  paymentProvider,
  paymentStatus,
} from '@slotwise/contracts';
import { paginationQuery } from '@slotwise/platform/http';
import { z } from 'zod';
import { attemptOutcomes, type PaymentWithAttempts } from './payment.types.js';

const positiveMoney = money.refine((value) => /[1-9]/.test(value), 'more than 0.00');

/** What `createForBooking` accepts: the consumers build it from booking events. */
export const bookingChargeSchema = z.object({
  bookingId: z.uuid(),
  kind: paymentKind,
  userId: z.uuid(),
  businessId: z.uuid(),
  vendorId: z.uuid(),
  amount: positiveMoney,
  currency,
  businessName: z.string().max(200).nullish(),
  description: z.string().max(300).nullish(),
  dueAt: z.iso.datetime({ offset: true }).nullish(),
});

export const attemptSchema = z.object({
  at: z.iso.datetime(),
  outcome: z.enum(attemptOutcomes),
  error: z.string().nullable(),
});

export const paymentSchema = z
  .object({
    id: z.uuid(),
    bookingId: z.uuid(),
    kind: paymentKind,
    userId: z.uuid(),
    businessId: z.uuid(),
    amount: money,
    currency,
    status: paymentStatus,
    refundedAmount: money,
    provider: paymentProvider,
    checkoutUrl: z.string().describe('Where the customer pays (a page of the provider’s)'),
    failureReason: paymentFailureReason.nullable().describe('Why it is FAILED'),
    expiresAt: z.iso
      .datetime()
      .nullable()
      .describe('When a PENDING payment stops taking payment (PREPAY: the payment window)'),
    paidAt: z.iso.datetime().nullable(),
    attempts: z.array(attemptSchema).describe('Checkouts opened and their outcomes, oldest first'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Payment' });

export type PaymentJson = z.infer<typeof paymentSchema>;

export function presentPayment(payment: PaymentWithAttempts): PaymentJson {
  return {
    id: payment.id,
    bookingId: payment.bookingId,
    kind: payment.kind,
    userId: payment.userId,
    businessId: payment.businessId,
    amount: payment.amount,
    currency: payment.currency,
    status: payment.status,
    refundedAmount: payment.refundedAmount,
    provider: payment.provider,
    checkoutUrl: payment.checkoutUrl,
    failureReason: payment.failureReason,
    expiresAt: payment.expiresAt?.toISOString() ?? null,
    paidAt: payment.paidAt?.toISOString() ?? null,
    attempts: payment.attempts.map((attempt) => ({
      at: attempt.at.toISOString(),
      outcome: attempt.outcome,
      error: attempt.error,
    })),
    createdAt: payment.createdAt.toISOString(),
    updatedAt: payment.updatedAt.toISOString(),
  };
}

export const listPaymentsQuery = z.strictObject({
  bookingId: z.uuid().optional(),
  status: paymentStatus.optional(),
  ...paginationQuery,
});

/** Fields a person types: trimmed, bounded, one line. */
const reasonText = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .regex(/^[^\p{Cc}]*$/u, 'no control characters')
  .meta({ examples: ['The room was not ready on arrival'] });

export const refundBody = z.strictObject({
  amount: positiveMoney
    .optional()
    .describe('What to give back (a decimal string); all that is left when absent'),
  reason: reasonText,
});
export type RefundBody = z.output<typeof refundBody>;

export const simulateBody = z.strictObject({
  outcome: z.enum(['succeed', 'decline']).describe('What paying or declining on the page does'),
});

/** Commands without a body: an empty object at most, so that no field is silently ignored. */
export const noBody = z.strictObject({}).nullish();
