import { AuthErrors } from '../auth.errors.js';
import type { Repositories } from '../db/store.repository.js';

export interface ThrottlePolicy {
  maxFailures: number;
  windowSec: number;
  lockoutBaseSec: number;
  lockoutMaxSec: number;
}

/**
 * Per-account brute-force protection, whatever IP the guesses come from: after `maxFailures`
 * failed logins inside the window the account's logins are refused for a cool-down that doubles
 * with each lockout. The key is the account when it exists, else the identifier typed, so that
 * a made-up identifier behaves exactly like a real one.
 */
export class LoginThrottle {
  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async assertOpen(repos: Repositories, key: string): Promise<void> {
    const record = await repos.throttles.find(key);
    const now = this.now().getTime();
    if (record?.lockedUntil && record.lockedUntil.getTime() > now) {
      throw AuthErrors.create('TOO_MANY_ATTEMPTS', 'Too many failed sign-ins; try again later', {
        retryAfter: Math.ceil((record.lockedUntil.getTime() - now) / 1000),
      });
    }
  }

  /** Call in a transaction of its own: it must commit even though the login fails. */
  async recordFailure(repos: Repositories, key: string): Promise<void> {
    const now = this.now();
    const record = await repos.throttles.lock(key, now);
    const windowOver =
      now.getTime() - record.windowStartedAt.getTime() > this.policy.windowSec * 1000;
    let { failures, windowStartedAt, lockouts, lockedUntil } = record;
    if (windowOver) {
      failures = 0;
      windowStartedAt = now;
    }
    failures += 1;
    if (failures >= this.policy.maxFailures) {
      lockouts += 1;
      const seconds = Math.min(
        this.policy.lockoutBaseSec * 2 ** (lockouts - 1),
        this.policy.lockoutMaxSec,
      );
      lockedUntil = new Date(now.getTime() + seconds * 1000);
      failures = 0;
      windowStartedAt = now;
    }
    await repos.throttles.save({ key, failures, windowStartedAt, lockouts, lockedUntil });
  }

  async recordSuccess(repos: Repositories, key: string): Promise<void> {
    await repos.throttles.clear(key);
  }
}
