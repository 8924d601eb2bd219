/**
 * "Tokens issued before this moment are dead" times, per user (logout-all, password reset,
 * suspension) and per session (a logout, a refresh token's reuse), fed from auth's revocation
 * feed. Access tokens are stateless and live 15 minutes, so this is how a verifier learns early
 * that a user's sessions, or one of them, were revoked.
 */
export class UserRevocationList {
  /** userId → epoch milliseconds before which that user's tokens are revoked. */
  private readonly validAfter = new Map<string, number>();
  /** Session id (the token's `sid`) → epoch milliseconds before which its tokens are revoked. */
  private readonly sessionValidAfter = new Map<string, number>();

  /** Keeps the latest time: events may arrive out of order, and revocation never moves back. */
  revokeBefore(userId: string, date: Date): void {
    const at = date.getTime();
    const known = this.validAfter.get(userId);
    if (known === undefined || at > known) this.validAfter.set(userId, at);
  }

  /** The same for one session: its tokens issued before `date` are dead, other sessions' live. */
  revokeSessionBefore(sessionId: string, date: Date): void {
    const at = date.getTime();
    const known = this.sessionValidAfter.get(sessionId);
    if (known === undefined || at > known) this.sessionValidAfter.set(sessionId, at);
  }

  /**
   * `iat` has whole seconds only, so a token issued in the same second as a revocation at T.5 s
   * counts as revoked (the safe side). A publisher that wants same-second tokens to pass can send T
   * rounded down to the second. An arrow property, so it can be handed over as `isRevoked: list.isRevoked`.
   */
  readonly isRevoked = (claims: {
    userId: string;
    iat: number;
    sessionId?: string | undefined;
  }): boolean => {
    const at = this.validAfter.get(claims.userId);
    if (at !== undefined && claims.iat * 1000 < at) return true;
    if (claims.sessionId === undefined) return false;
    const sessionAt = this.sessionValidAfter.get(claims.sessionId);
    return sessionAt !== undefined && claims.iat * 1000 < sessionAt;
  };

  /** Forgets revocations older than any token still alive (now minus the longest token lifetime). */
  prune(olderThan: Date): void {
    const limit = olderThan.getTime();
    for (const map of [this.validAfter, this.sessionValidAfter]) {
      for (const [key, at] of map) {
        if (at < limit) map.delete(key);
      }
    }
  }

  get size(): number {
    return this.validAfter.size + this.sessionValidAfter.size;
  }
}
