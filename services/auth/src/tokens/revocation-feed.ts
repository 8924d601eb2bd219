import type { Store } from '../db/store.repository.js';

/**
 * The per-user "tokens issued before this instant are dead" times, newer than a cursor. The
 * gateway and the services poll it (through an internal route) and refuse those tokens, so a
 * suspension, deletion or password reset takes effect everywhere within seconds, not 15 minutes.
 */
export class RevocationFeed {
  constructor(
    private readonly store: Store,
    /** Older revocations concern only tokens that have expired anyway. */
    private readonly horizonSec: number,
  ) {}

  async since(cursor: Date | undefined): Promise<{ userId: string; validAfter: string }[]> {
    const horizon = new Date(Date.now() - this.horizonSec * 1000);
    const from = cursor && cursor > horizon ? cursor : horizon;
    const rows = await this.store.repos.users.findTokensRevokedSince(from);
    return rows.map((row) => ({ userId: row.userId, validAfter: row.validAfter.toISOString() }));
  }
}
