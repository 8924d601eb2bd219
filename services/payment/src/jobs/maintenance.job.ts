import type { Logger } from '@slotwise/platform/logger';
import type { PaymentService } from '../payments/payment.service.js';
import type { RefundService } from '../refunds/refund.service.js';
import type { WebhookService } from '../webhooks/webhook.service.js';

/** How long applied webhook event ids are kept: Stripe redelivers for three days. */
const PROVIDER_EVENT_RETENTION_DAYS = 30;

/**
 * The payment service's periodic work, one instance at a time (the job's advisory lock): PENDING
 * payments past their window fail as EXPIRED, refunds that got no answer are completed with
 * their own idempotency key, and old webhook event ids are forgotten.
 */
export function maintenanceJob(
  deps: { payments: PaymentService; refunds: RefundService; webhooks: WebhookService },
  logger: Logger,
): () => Promise<void> {
  return async () => {
    const expired = await deps.payments.expireOverdue();
    const resumed = await deps.refunds.resumeStalled();
    const purged = await deps.webhooks.purgeOlderThan(PROVIDER_EVENT_RETENTION_DAYS);
    if (expired + resumed + purged > 0) {
      logger.info({ expired, resumed, purged }, 'payment maintenance');
    }
  };
}
