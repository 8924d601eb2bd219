import type { IdempotencyRepository } from '../bookings/idempotency.repository.js';

/** Idempotency keys live 24 hours (configurable); after that a key may be used again. */
export function cleanupJob(keys: IdempotencyRepository, ttlHours: number): () => Promise<void> {
  return async () => {
    await keys.deleteOlderThan(new Date(Date.now() - ttlHours * 3_600_000));
  };
}
