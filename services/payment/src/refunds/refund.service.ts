import { randomUUID } from 'node:crypto';
import { AppError, serviceUnavailable } from '@slotwise/platform/errors';
import type { Logger } from '@slotwise/platform/logger';
import type { Store } from '../db/store.repository.js';
import { PaymentEvents } from '../events/payment-events.js';
import { fromMinor, percentOf, toMinor } from '@slotwise/contracts';
import { PaymentErrors } from '../payment.errors.js';
import { requireOwnerOrAdmin, visibleOr404 } from '../payments/payment-access.js';
import { ProviderKeys, stableUuid } from '../payments/payment-changes.js';
import { applyRefund, checkRefund, isPaid } from '../payments/payment-rules.js';
import type { Caller, PaymentRecord, PaymentWithAttempts } from '../payments/payment.types.js';
import type { ProviderRegistry } from '../providers/provider.js';
import { callProvider, type RetryPolicy } from '../providers/retry.js';
import type { RefundRecord } from './refund.repository.js';

/** What the platform refunds when a paid booking is cancelled: an amount, or a share of it. */
export type CancellationRefund =
  | { bookingId: string; amount: string; reason: string }
  | { bookingId: string; percent: number; reason: string };

/** Refunds left PENDING this long are tried again by the scheduled job. */
const STALE_AFTER_MS = 60_000;

/**
 * Refunds, in two steps around the provider call. First the amount is reserved: a PENDING refund
 * row, written under the payment's row lock after checking that it fits in what is left (paid,
 * less refunded, less refunds in flight), so concurrent refunds can never add up to more than
 * was paid. Then the provider is asked, with the refund's own idempotency key, and the refund
 * is applied to the payment with its `payment.refunded` event. A refund whose provider call did
 * not get an answer stays PENDING and is completed later with the same key: never twice.
 */
export class RefundService {
  constructor(
    private readonly store: Store,
    private readonly providers: ProviderRegistry,
    private readonly logger: Logger,
    private readonly retry: RetryPolicy,
  ) {}

  /** `POST /api/payments/:id/refund`: the business's owner or an admin. */
  async refund(
    caller: Caller,
    paymentId: string,
    input: { amount?: string | undefined; reason: string },
    requestId?: string,
  ): Promise<PaymentWithAttempts> {
    const refund = await this.store.transaction(async (tx) => {
      const payment = visibleOr404(caller, await tx.payments.findByIdForUpdate(paymentId));
      requireOwnerOrAdmin(caller, payment);
      const check = checkRefund(
        payment,
        input.amount ?? null,
        await tx.refunds.pendingTotal(paymentId),
      );
      if (!check.ok) throw PaymentErrors.create(check.code, check.message);
      return tx.refunds.create({
        id: randomUUID(),
        paymentId,
        amount: check.amount,
        reason: input.reason,
        requestedBy: caller.id,
      });
    });
    await this.complete(refund.id, requestId);
    return visibleOr404(caller, await this.store.repos.payments.findWithAttempts(paymentId));
  }

  /**
   * The platform's refund of a cancelled booking (the consumer of `booking.cancelled` calls it):
   * `percent` of what was paid, or `amount`, capped at what is left; nothing when nothing was
   * paid. One per payment: the refund's id is derived from the payment, so a redelivered event
   * refunds nothing more. Returns the refunds made (or found made).
   */
  async refundForCancellation(
    request: CancellationRefund,
    requestId?: string,
  ): Promise<RefundRecord[]> {
    const done: RefundRecord[] = [];
    for (const payment of await this.store.repos.payments.findByBooking(request.bookingId)) {
      const refundId = stableUuid(`cancellation-refund:${payment.id}`);
      const reserved = await this.store.transaction(async (tx) => {
        const earlier = await tx.refunds.findById(refundId);
        if (earlier) return earlier;
        const locked = await tx.payments.findByIdForUpdate(payment.id);
        if (!locked || !isPaid(locked.status)) return null;
        const wanted = this.cancellationAmount(locked, request);
        if (wanted === null) return null;
        const check = checkRefund(locked, wanted, await tx.refunds.pendingTotal(locked.id));
        if (!check.ok) return null;
        return tx.refunds.create({
          id: refundId,
          paymentId: locked.id,
          amount: check.amount,
          reason: request.reason.slice(0, 500),
          requestedBy: null,
        });
      });
      if (!reserved) continue;
      if (reserved.status === 'PENDING') await this.complete(reserved.id, requestId);
      done.push((await this.store.repos.refunds.findById(reserved.id)) ?? reserved);
    }
    return done;
  }

  /** Refunds whose provider call got no answer: completed now, with the same idempotency key. */
  async resumeStalled(now = new Date(), limit = 50): Promise<number> {
    const ids = await this.store.repos.refunds.findStalePendingIds(
      new Date(now.getTime() - STALE_AFTER_MS),
      limit,
    );
    let completed = 0;
    for (const id of ids) {
      try {
        await this.complete(id);
        completed += 1;
      } catch (error) {
        this.logger.warn({ refundId: id, err: error }, 'stalled refund not completed yet');
      }
    }
    return completed;
  }

  /** What a cancellation refunds of `payment`, before the bound; null: nothing. */
  private cancellationAmount(payment: PaymentRecord, request: CancellationRefund): string | null {
    const left = toMinor(payment.amount) - toMinor(payment.refundedAmount);
    const wanted =
      'percent' in request
        ? percentOf(toMinor(payment.amount), request.percent)
        : toMinor(request.amount);
    const amount = wanted < left ? wanted : left;
    return amount > 0n ? fromMinor(amount) : null;
  }

  /** Asks the provider for a reserved refund and applies it; idempotent per refund. */
  private async complete(refundId: string, requestId?: string): Promise<void> {
    const refund = await this.store.repos.refunds.findById(refundId);
    if (!refund || refund.status !== 'PENDING') return;
    const payment = await this.store.repos.payments.findById(refund.paymentId);
    if (!payment) return;
    const provider = this.providers.get(payment.provider);
    if (!provider) throw serviceUnavailable(`payment-provider ${payment.provider}`, 30);
    if (!payment.providerPaymentRef) {
      await this.store.repos.refunds.markFailed(refundId, 'Nothing was charged to refund');
      throw PaymentErrors.create('PROVIDER_REFUSED', 'Nothing was charged to refund');
    }
    let providerRef: string;
    try {
      ({ providerRef } = await callProvider(
        'refund',
        () =>
          provider.refund(
            {
              paymentId: payment.id,
              refundId,
              providerPaymentRef: payment.providerPaymentRef!,
              amount: refund.amount,
              currency: payment.currency,
              reason: refund.reason,
            },
            { idempotencyKey: ProviderKeys.refund(refundId) },
          ),
        this.retry,
        this.logger,
      ));
    } catch (error) {
      const refused = PaymentErrors.is(error, 'PROVIDER_REFUSED');
      const message = error instanceof AppError ? error.message : 'The refund failed';
      // Refused: the amount is free again. No answer: it stays reserved until it is completed.
      if (refused) await this.store.repos.refunds.markFailed(refundId, message);
      else await this.store.repos.refunds.recordError(refundId, message);
      throw error;
    }
    await this.store.transaction(async (tx) => {
      const locked = await tx.payments.findByIdForUpdate(payment.id);
      const current = await tx.refunds.findById(refundId);
      if (!locked || current?.status !== 'PENDING') return;
      await tx.refunds.markSucceeded(refundId, providerRef);
      const updated = await tx.payments.update(locked.id, applyRefund(locked, refund.amount));
      await tx.outbox.add(PaymentEvents.refunded(updated, refund, requestId));
    });
  }
}
