import type { Store } from '../db/store.repository.js';
import type { KeyStore } from '../tokens/key-store.js';

const HOUR_MS = 3_600_000;

/**
 * The auth service's housekeeping: dead codes, expired refresh tokens and 2FA challenges, stale
 * login throttles and sealed grace pairs go; the signing key is rotated when due.
 */
export function cleanupJob(
  store: Store,
  keys: KeyStore,
  options: { refreshGraceSec: number },
): () => Promise<void> {
  return async () => {
    const now = new Date();
    const { repos } = store;
    await repos.otps.deleteDead(now, new Date(now.getTime() - HOUR_MS));
    await repos.refreshTokens.deleteExpired(now);
    await repos.refreshTokens.clearGraceBlobs(
      new Date(now.getTime() - options.refreshGraceSec * 1000),
    );
    await repos.challenges.deleteDead(now);
    // Kept a day after the last failure, so repeated lockouts keep doubling.
    await repos.throttles.deleteStale(new Date(now.getTime() - 24 * HOUR_MS), now);
    await keys.ensureKey();
  };
}
