/**
 * An event changes part of a user this service has not seen registered yet. Thrown so the
 * transport retries later: the missing `user.registered` is usually just behind it (a retry
 * reordered them); if it never comes, the event ends in the dead-letter queue for a person to see.
 */
export class UserNotInReadModelError extends Error {
  override readonly name = 'UserNotInReadModelError';
  constructor(readonly userId: string) {
    super(`User ${userId} is not in the read model yet`);
  }
}
