import { createHash } from 'node:crypto';
import type { Repositories } from '../db/store.repository.js';
import { PaymentEvents } from '../events/payment-events.js';
import type { Decision } from './payment-rules.js';
import type { PaymentRecord } from './payment.types.js';

/**
 * Applies a decision of `payment-rules.ts` inside the caller's transaction (the payment's row is
 * locked): the change, its attempt, and its event, committed together.
 */
export async function applyDecision(
  tx: Repositories,
  payment: PaymentRecord,
  decision: Extract<Decision, { apply: true }>,
  error: string | null,
  requestId?: string,
): Promise<PaymentRecord> {
  const updated = await tx.payments.update(payment.id, decision.changes);
  await tx.payments.addAttempt(payment.id, decision.attempt, error);
  await tx.outbox.add(
    decision.announce === 'succeeded'
      ? PaymentEvents.succeeded(updated, requestId)
      : PaymentEvents.failed(updated, error, requestId),
  );
  return updated;
}

/**
 * A uuid derived from a name, so that doing the same thing twice names the same row: the
 * payment of a booking and kind, the refund of a cancellation. Shaped as an RFC 9562 version 8.
 */
export function stableUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The idempotency keys of the calls to the provider: one per thing done, the same on each try. */
export const ProviderKeys = {
  checkout: (paymentId: string, attempt: number): string =>
    `payment-${paymentId}-checkout-${attempt}`,
  cancel: (paymentId: string, attempt: number): string => `payment-${paymentId}-cancel-${attempt}`,
  refund: (refundId: string): string => `refund-${refundId}`,
};
