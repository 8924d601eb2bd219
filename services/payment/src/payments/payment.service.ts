import { UniqueViolation } from '@slotwise/platform/db';
import { serviceUnavailable } from '@slotwise/platform/errors';
import type { Logger } from '@slotwise/platform/logger';
import type { Store } from '../db/store.repository.js';
import { PaymentEvents } from '../events/payment-events.js';
import { PaymentErrors } from '../payment.errors.js';
import type { PaymentProvider, ProviderRegistry } from '../providers/provider.js';
import { callProvider, type RetryPolicy } from '../providers/retry.js';
import { listScope, requireCustomer, visibleOr404 } from './payment-access.js';
import { applyDecision, ProviderKeys, stableUuid } from './payment-changes.js';
import { canRetry, decideCancel, decideExpiry } from './payment-rules.js';
import { bookingChargeSchema } from './payment.schemas.js';
import type {
  BookingCharge,
  Caller,
  PaymentFilter,
  PaymentRecord,
  PaymentWithAttempts,
} from './payment.types.js';

export interface PaymentServiceOptions {
  /** How long a PREPAY payment may be paid. */
  windowMinutes: number;
  retry: RetryPolicy;
}

/**
 * A payment's life from creation to its outcome: reads with their access rules, the commands the
 * event consumers call (create for a booking, cancel with it, expire), and the customer's retry.
 * Refunds are `RefundService`'s; what providers report is `WebhookService`'s.
 */
export class PaymentService {
  constructor(
    private readonly store: Store,
    private readonly providers: ProviderRegistry,
    private readonly logger: Logger,
    private readonly options: PaymentServiceOptions,
  ) {}

  async list(
    caller: Caller,
    filter: Pick<PaymentFilter, 'bookingId' | 'status'>,
    page: { skip: number; take: number },
  ): Promise<{ items: PaymentWithAttempts[]; total: number }> {
    return this.store.repos.payments.list({ ...filter, ...listScope(caller) }, page);
  }

  async get(caller: Caller, id: string): Promise<PaymentWithAttempts> {
    return visibleOr404(caller, await this.store.repos.payments.findWithAttempts(id));
  }

  /**
   * The booking's payment of this kind, created with its checkout (`payment.created` carries the
   * URL). Idempotent per (bookingId, kind): the payment's id is derived from them, and so is the
   * idempotency key of the checkout, so a redelivered event, a retry after a crash or two
   * concurrent calls make one payment and one checkout, and answer `created: false` after the first.
   * The checkout is made before the row: no payment ever exists without a way to pay it.
   */
  async createForBooking(
    charge: BookingCharge,
    requestId?: string,
  ): Promise<{ payment: PaymentRecord; created: boolean }> {
    const input = bookingChargeSchema.parse(charge);
    const id = stableUuid(`payment:${input.bookingId}:${input.kind}`);
    const existing = await this.store.repos.payments.findById(id);
    if (existing) return { payment: existing, created: false };

    const provider = this.providers.current;
    const expiresAt =
      input.kind !== 'PREPAY'
        ? null
        : input.dueAt
          ? new Date(input.dueAt)
          : new Date(Date.now() + this.options.windowMinutes * 60_000);
    const checkout = await this.call('createCheckout', () =>
      provider.createCheckout(
        {
          paymentId: id,
          bookingId: input.bookingId,
          amount: input.amount,
          currency: input.currency,
          description: input.description ?? `Booking ${input.bookingId}`,
          expiresAt,
        },
        { idempotencyKey: ProviderKeys.checkout(id, 1) },
      ),
    );
    try {
      return await this.store.transaction(async (tx) => {
        const payment = await tx.payments.create({
          id,
          bookingId: input.bookingId,
          kind: input.kind,
          userId: input.userId,
          businessId: input.businessId,
          vendorId: input.vendorId,
          businessName: input.businessName ?? null,
          description: input.description ?? null,
          amount: input.amount,
          currency: input.currency,
          provider: provider.name,
          providerRef: checkout.providerRef,
          checkoutUrl: checkout.checkoutUrl,
          expiresAt,
        });
        await tx.payments.addAttempt(id, 'CHECKOUT_CREATED');
        await tx.outbox.add(PaymentEvents.created(payment, requestId));
        return { payment, created: true };
      });
    } catch (error) {
      if (!(error instanceof UniqueViolation)) throw error;
      // A concurrent call for the same booking and kind won; its payment is the one.
      const winner = await this.store.repos.payments.findById(id);
      if (!winner) throw error;
      return { payment: winner, created: false };
    }
  }

  /**
   * The booking was cancelled before it was paid: its PENDING payments fail (CANCELLED,
   * announced) and their checkouts close; a FAILED one can no longer be retried. Paid payments are
   * left alone (`RefundService.refundForCancellation`). Idempotent.
   */
  async cancelPending(
    bookingId: string,
    reason: string,
    requestId?: string,
  ): Promise<PaymentRecord[]> {
    const changed: PaymentRecord[] = [];
    for (const { id } of await this.store.repos.payments.findByBooking(bookingId)) {
      const cancelled = await this.store.transaction(async (tx) => {
        const payment = await tx.payments.findByIdForUpdate(id);
        const decision = payment && decideCancel(payment, new Date());
        if (!payment || !decision) return null;
        const updated = await tx.payments.update(id, decision.changes, decision.announce);
        if (decision.announce) {
          await tx.payments.addAttempt(id, 'CANCELLED', reason);
          await tx.outbox.add(PaymentEvents.failed(updated, reason, requestId));
        }
        return { updated, announced: decision.announce };
      });
      if (!cancelled) continue;
      changed.push(cancelled.updated);
      if (cancelled.announced) await this.closeCheckout(cancelled.updated);
    }
    return changed;
  }

  /** PENDING payments past their deadline fail as EXPIRED (the scheduled job calls this). */
  async expireOverdue(now = new Date(), limit = 100): Promise<number> {
    let expired = 0;
    for (const id of await this.store.repos.payments.findOverdueIds(now, limit)) {
      const payment = await this.store.transaction(async (tx) => {
        const current = await tx.payments.findByIdForUpdate(id);
        const decision = current && decideExpiry(current, now);
        if (!current || !decision?.apply) return null;
        return applyDecision(tx, current, decision, 'Not paid within the payment window');
      });
      if (!payment) continue;
      expired += 1;
      await this.closeCheckout(payment);
    }
    return expired;
  }

  /**
   * A FAILED payment gets a fresh checkout and is PENDING again (`payment.created`, attempt n).
   * The checkout's idempotency key is the next attempt's, so two concurrent retries make one.
   */
  async retry(caller: Caller, id: string, requestId?: string): Promise<PaymentWithAttempts> {
    const payment = visibleOr404(caller, await this.store.repos.payments.findById(id));
    requireCustomer(caller, payment, true);
    if (!canRetry(payment)) throw this.notRetryable(payment);
    const attempt = payment.checkoutAttempt + 1;
    const provider = this.providerOf(payment);
    const expiresAt =
      payment.kind === 'PREPAY' ? new Date(Date.now() + this.options.windowMinutes * 60_000) : null;
    let checkout;
    try {
      checkout = await this.call('createCheckout', () =>
        provider.createCheckout(
          {
            paymentId: id,
            bookingId: payment.bookingId,
            amount: payment.amount,
            currency: payment.currency,
            description: payment.description ?? `Booking ${payment.bookingId}`,
            expiresAt,
          },
          { idempotencyKey: ProviderKeys.checkout(id, attempt) },
        ),
      );
    } catch (error) {
      await this.store.repos.payments.addAttempt(id, 'PROVIDER_ERROR', (error as Error).message);
      throw error;
    }
    await this.store.transaction(async (tx) => {
      const current = await tx.payments.findByIdForUpdate(id);
      // A concurrent retry with the same attempt number got there first: same checkout.
      if (!current || current.checkoutAttempt >= attempt) return;
      if (!canRetry(current)) throw this.notRetryable(current);
      const updated = await tx.payments.update(id, {
        status: 'PENDING',
        failureReason: null,
        providerRef: checkout.providerRef,
        checkoutUrl: checkout.checkoutUrl,
        checkoutAttempt: attempt,
        expiresAt,
      });
      await tx.payments.addAttempt(id, 'CHECKOUT_CREATED');
      await tx.outbox.add(PaymentEvents.created(updated, requestId));
    });
    return visibleOr404(caller, await this.store.repos.payments.findWithAttempts(id));
  }

  private notRetryable(payment: PaymentRecord) {
    return PaymentErrors.create(
      'INVALID_STATUS_TRANSITION',
      payment.cancelledAt
        ? 'This payment’s booking was cancelled: it can no longer be paid'
        : `Only a FAILED payment is retried; this one is ${payment.status}`,
    );
  }

  private providerOf(payment: PaymentRecord): PaymentProvider {
    const provider = this.providers.get(payment.provider);
    if (!provider) throw serviceUnavailable(`payment-provider ${payment.provider}`, 30);
    return provider;
  }

  /** Best effort: a checkout left open cannot take money for a FAILED payment unnoticed anyway
   * (a late success is applied and announced, and can then be refunded). */
  private async closeCheckout(payment: PaymentRecord): Promise<void> {
    try {
      const provider = this.providerOf(payment);
      await this.call('cancelCheckout', () =>
        provider.cancelCheckout(
          { providerRef: payment.providerRef, paymentId: payment.id },
          { idempotencyKey: ProviderKeys.cancel(payment.id, payment.checkoutAttempt) },
        ),
      );
    } catch (error) {
      this.logger.warn({ paymentId: payment.id, err: error }, 'checkout not closed');
    }
  }

  private call<T>(operation: string, request: () => Promise<T>): Promise<T> {
    return callProvider(operation, request, this.options.retry, this.logger);
  }
}
