import type { Store } from '../db/store.repository.js';

/** One entry of the feed: a user's tokens, or with `sessionId` one session's, issued before. */
export interface RevocationEntry {
  userId: string;
  validAfter: string;
  sessionId?: string;
}

/**
 * The "tokens issued before this instant are dead" times newer than a cursor: per user (a
 * suspension, deletion, password reset, logout everywhere) and per session (a logout, a refresh
 * token reused). The gateway and the services poll it (through an internal route) and refuse
 * those tokens, so each takes effect everywhere within seconds, not 15 minutes.
 */
export class RevocationFeed {
  constructor(
    private readonly store: Store,
    /** Older revocations concern only tokens that have expired anyway. */
    private readonly horizonSec: number,
  ) {}

  async since(cursor: Date | undefined): Promise<RevocationEntry[]> {
    const horizon = new Date(Date.now() - this.horizonSec * 1000);
    const from = cursor && cursor > horizon ? cursor : horizon;
    const { users, refreshTokens } = this.store.repos;
    const [userRows, sessionRows] = await Promise.all([
      users.findTokensRevokedSince(from),
      refreshTokens.findSessionsRevokedSince(from),
    ]);
    const entries: RevocationEntry[] = [
      ...userRows.map((row) => ({ userId: row.userId, validAfter: row.validAfter.toISOString() })),
      ...sessionRows.map((row) => ({
        userId: row.userId,
        sessionId: row.sessionId,
        validAfter: row.revokedAt.toISOString(),
      })),
    ];
    // In time order: a reader's cursor is the latest time it has seen.
    return entries.sort((a, b) => a.validAfter.localeCompare(b.validAfter));
  }
}
