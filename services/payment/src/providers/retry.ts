import { serviceUnavailable } from '@slotwise/platform/errors';
import { backoffDelay, sleep } from '@slotwise/platform/events';
import type { Logger } from '@slotwise/platform/logger';
import { PaymentErrors } from '../payment.errors.js';
import { ProviderRefusedError, TransientProviderError } from './provider.js';

export interface RetryPolicy {
  maxAttempts: number;
  initialMs: number;
  maxMs: number;
}

/**
 * Calls the provider, trying again with jittered exponential backoff while it fails transiently.
 * Safe because every call carries its idempotency key, the same on each try: a try whose answer
 * was lost took effect once, and the next one gets that same answer back. Out of tries: 503;
 * a refusal: 422 PROVIDER_REFUSED.
 */
export async function callProvider<T>(
  operation: string,
  call: () => Promise<T>,
  policy: RetryPolicy,
  logger: Logger,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (error instanceof ProviderRefusedError) {
        throw PaymentErrors.create('PROVIDER_REFUSED', error.message, { cause: error });
      }
      if (!(error instanceof TransientProviderError)) throw error;
      if (attempt >= policy.maxAttempts) {
        logger.warn(
          { operation, attempts: attempt, reason: error.message },
          'provider unavailable',
        );
        throw serviceUnavailable('payment-provider', 5, error);
      }
      const delay = backoffDelay(attempt, { initialMs: policy.initialMs, maxMs: policy.maxMs });
      logger.info(
        { operation, attempt, delayMs: delay, reason: error.message },
        'provider call retried',
      );
      await sleep(delay);
    }
  }
}
