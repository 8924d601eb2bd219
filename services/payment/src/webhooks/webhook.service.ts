import { notFound } from '@slotwise/platform/errors';
import type { Logger } from '@slotwise/platform/logger';
import type { Store } from '../db/store.repository.js';
import { PaymentErrors } from '../payment.errors.js';
import { applyDecision } from '../payments/payment-changes.js';
import { decideOutcome } from '../payments/payment-rules.js';
import type { PaymentRecord } from '../payments/payment.types.js';
import {
  InvalidWebhookSignature,
  type ProviderRegistry,
  type WebhookEvent,
} from '../providers/provider.js';
import type { Repositories } from '../db/store.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface WebhookResult {
  /** The event was applied before: nothing was done this time. */
  duplicate: boolean;
  /** It changed a payment. */
  applied: boolean;
}

/**
 * What providers report, applied exactly once and only forwards. The signature is checked first
 * over the exact bytes received (a bad one is a 400 and nothing is read further). Then, in one
 * transaction: the payment's row is locked, the provider's event id is recorded (a redelivery
 * finds it and changes nothing), and the outcome is applied when `decideOutcome` allows it
 * (a failure after a success, say, does not). The simulated provider delivers here too.
 */
export class WebhookService {
  constructor(
    private readonly store: Store,
    private readonly providers: ProviderRegistry,
    private readonly logger: Logger,
  ) {}

  async receive(
    providerName: string,
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
    requestId?: string,
  ): Promise<WebhookResult> {
    const provider = this.providers.get(providerName);
    if (!provider) throw notFound('Payment provider');
    let event: WebhookEvent;
    try {
      event = provider.parseWebhook(rawBody, headers);
    } catch (error) {
      if (!(error instanceof InvalidWebhookSignature)) throw error;
      this.logger.warn({ provider: providerName, reason: error.message }, 'webhook refused');
      throw PaymentErrors.create(
        'INVALID_WEBHOOK_SIGNATURE',
        'The webhook signature does not verify',
      );
    }
    if (event.outcome === 'ignored') return { duplicate: false, applied: false };

    return this.store.transaction(async (tx) => {
      const payment = await this.lockPayment(tx, providerName, event);
      const fresh = await tx.providerEvents.record({
        provider: providerName,
        eventId: event.eventId,
        type: event.type,
        paymentId: payment?.id ?? null,
      });
      if (!fresh) return { duplicate: true, applied: false };
      if (!payment) {
        this.logger.warn(
          { provider: providerName, eventId: event.eventId },
          'webhook for no payment',
        );
        return { duplicate: false, applied: false };
      }
      const decision = decideOutcome(payment, event, new Date());
      if (!decision.apply) {
        this.logger.info(
          { paymentId: payment.id, eventId: event.eventId, why: decision.why },
          'webhook changes nothing',
        );
        return { duplicate: false, applied: false };
      }
      const error = event.outcome === 'failed' ? event.error : null;
      await applyDecision(tx, payment, decision, error, requestId);
      return { duplicate: false, applied: true };
    });
  }

  /** Event ids older than this many days are forgotten (providers redeliver for days, not weeks). */
  async purgeOlderThan(days: number): Promise<number> {
    return this.store.repos.providerEvents.purgeOlderThan(days);
  }

  /** The payment the event is about, locked: by our id when it carries one, else by its checkout. */
  private async lockPayment(
    tx: Repositories,
    providerName: string,
    event: Exclude<WebhookEvent, { outcome: 'ignored' }>,
  ): Promise<PaymentRecord | null> {
    const payment =
      event.paymentId && UUID.test(event.paymentId)
        ? await tx.payments.findByIdForUpdate(event.paymentId)
        : await tx.payments.findByProviderRefForUpdate(providerName, event.providerRef);
    return payment && payment.provider === providerName ? payment : null;
  }
}
