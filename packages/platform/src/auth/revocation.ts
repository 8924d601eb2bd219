/**
 * Per-user "tokens issued before this moment are dead" times, fed later from auth's events
 * (logout-all, password reset, suspension). Access tokens are stateless and live 15 minutes, so this
 * is how a verifier learns early that a user's sessions were revoked.
 */
export class UserRevocationList {
  /** userId → epoch milliseconds before which that user's tokens are revoked. */
  private readonly validAfter = new Map<string, number>();

  /** Keeps the latest time: events may arrive out of order, and revocation never moves back. */
  revokeBefore(userId: string, date: Date): void {
    const at = date.getTime();
    const known = this.validAfter.get(userId);
    if (known === undefined || at > known) this.validAfter.set(userId, at);
  }

  /**
   * `iat` has whole seconds only, so a token issued in the same second as a revocation at T.5 s
   * counts as revoked (the safe side). A publisher that wants same-second tokens to pass can send T
   * rounded down to the second. An arrow property, so it can be handed over as `isRevoked: list.isRevoked`.
   */
  readonly isRevoked = (claims: { userId: string; iat: number }): boolean => {
    const at = this.validAfter.get(claims.userId);
    return at !== undefined && claims.iat * 1000 < at;
  };

  /** Forgets revocations older than any token still alive (now minus the longest token lifetime). */
  prune(olderThan: Date): void {
    const limit = olderThan.getTime();
    for (const [userId, at] of this.validAfter) {
      if (at < limit) this.validAfter.delete(userId);
    }
  }

  get size(): number {
    return this.validAfter.size;
  }
}
