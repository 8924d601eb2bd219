import type { PaymentStatus } from '@slotwise/contracts';
import { fromMinor, toMinor } from '@slotwise/contracts';
import type { AttemptOutcome, PaymentChanges, PaymentRecord } from './payment.types.js';

/**
 * The payment's life, as pure decisions (every branch unit-tested):
 *
 *   PENDING ──paid──────────► SUCCEEDED ──refund──► PARTIALLY_REFUNDED ──refund──► REFUNDED
 *      │  ▲                      ▲  └────────────refund of the rest───────────────────┘
 *      │  └─retry (not cancelled)│
 *      └──declined / expired / cancelled──► FAILED ──paid (a late success)──┘
 *
 * What the provider reports is applied only when it moves the payment forward: money taken is
 * never forgotten (a success is applied from PENDING or FAILED), and nothing undoes it (a failure
 * after a success, or a second success, changes nothing). A failure counts only for the checkout
 * the payment is waiting on: an earlier checkout's failure says nothing about the current one.
 */

export type ProviderOutcome =
  | { outcome: 'succeeded'; providerRef: string; providerPaymentRef: string }
  | {
      outcome: 'failed';
      providerRef: string;
      reason: 'DECLINED' | 'EXPIRED';
      error: string | null;
    };

export type Decision =
  | { apply: false; why: string }
  | {
      apply: true;
      changes: PaymentChanges;
      attempt: AttemptOutcome;
      announce: 'succeeded' | 'failed';
    };

const PAID: readonly PaymentStatus[] = ['SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED'];

export const isPaid = (status: PaymentStatus): boolean => PAID.includes(status);

export function decideOutcome(
  payment: PaymentRecord,
  reported: ProviderOutcome,
  now: Date,
): Decision {
  if (reported.outcome === 'succeeded') {
    if (isPaid(payment.status)) return { apply: false, why: 'already paid' };
    return {
      apply: true,
      changes: {
        status: 'SUCCEEDED',
        failureReason: null,
        paidAt: now,
        providerPaymentRef: reported.providerPaymentRef,
      },
      attempt: 'SUCCEEDED',
      announce: 'succeeded',
    };
  }
  if (payment.status !== 'PENDING') {
    return { apply: false, why: `a failure reported while ${payment.status}` };
  }
  if (reported.providerRef !== payment.providerRef) {
    return { apply: false, why: 'an earlier checkout’s failure' };
  }
  return {
    apply: true,
    changes: { status: 'FAILED', failureReason: reported.reason },
    attempt: reported.reason,
    announce: 'failed',
  };
}

/** PENDING past its deadline: FAILED, EXPIRED. */
export function decideExpiry(payment: PaymentRecord, now: Date): Decision {
  if (payment.status !== 'PENDING' || !payment.expiresAt || payment.expiresAt > now) {
    return { apply: false, why: 'not overdue' };
  }
  return {
    apply: true,
    changes: { status: 'FAILED', failureReason: 'EXPIRED' },
    attempt: 'EXPIRED',
    announce: 'failed',
  };
}

/**
 * The booking was cancelled before it was paid: a PENDING payment fails (CANCELLED, announced),
 * a FAILED one is only marked so it cannot be retried; a paid one is refunded elsewhere.
 */
export function decideCancel(
  payment: PaymentRecord,
  now: Date,
): { changes: PaymentChanges; announce: boolean } | null {
  if (payment.cancelledAt) return null;
  if (payment.status === 'PENDING') {
    return {
      changes: { status: 'FAILED', failureReason: 'CANCELLED', cancelledAt: now },
      announce: true,
    };
  }
  if (payment.status === 'FAILED') return { changes: { cancelledAt: now }, announce: false };
  return null;
}

/** A FAILED payment gets a fresh checkout, unless its booking was cancelled. */
export function canRetry(payment: PaymentRecord): boolean {
  return payment.status === 'FAILED' && payment.cancelledAt === null;
}

export type RefundCheck =
  | { ok: true; amount: string }
  | { ok: false; code: 'INVALID_STATUS_TRANSITION' | 'REFUND_EXCEEDS_PAYMENT'; message: string };

/**
 * Whether `requested` (null: all that is left) may be refunded now. What may be refunded is what
 * was paid, less what was refunded and what refunds in flight hold back.
 */
export function checkRefund(
  payment: PaymentRecord,
  requested: string | null,
  pendingTotal: string,
): RefundCheck {
  if (payment.status !== 'SUCCEEDED' && payment.status !== 'PARTIALLY_REFUNDED') {
    return {
      ok: false,
      code: 'INVALID_STATUS_TRANSITION',
      message: `A ${payment.status} payment cannot be refunded`,
    };
  }
  const left = toMinor(payment.amount) - toMinor(payment.refundedAmount) - toMinor(pendingTotal);
  const amount = requested === null ? left : toMinor(requested);
  if (left <= 0n) {
    return {
      ok: false,
      code: 'REFUND_EXCEEDS_PAYMENT',
      message: 'Nothing is left to refund: every amount paid is refunded or being refunded',
    };
  }
  if (amount > left) {
    return {
      ok: false,
      code: 'REFUND_EXCEEDS_PAYMENT',
      message: `At most ${fromMinor(left)} ${payment.currency} is left to refund`,
    };
  }
  return { ok: true, amount: fromMinor(amount) };
}

/** The payment after a refund of `amount` went through. */
export function applyRefund(payment: PaymentRecord, amount: string): PaymentChanges {
  const refunded = toMinor(payment.refundedAmount) + toMinor(amount);
  const paid = toMinor(payment.amount);
  if (refunded > paid) throw new Error('a refund beyond the amount paid');
  return {
    refundedAmount: fromMinor(refunded),
    status: refunded === paid ? 'REFUNDED' : 'PARTIALLY_REFUNDED',
  };
}
