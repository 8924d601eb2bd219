import { randomUUID } from 'node:crypto';
import type { OtpPurpose } from '@slotwise/contracts';
import { AuthErrors } from '../auth.errors.js';
import type { Repositories } from '../db/store.repository.js';
import { UserEvents } from '../events/user-events.js';
import { newOtp } from '../security/random.js';
import type { Secrets } from '../security/secrets.js';
import type { UserRecord } from '../users/user.types.js';

export interface OtpPolicy {
  ttlSec: number;
  maxAttempts: number;
  maxPerHour: number;
}

const HOUR_MS = 3_600_000;

/**
 * One-time codes: six CSPRNG digits, stored as an HMAC, valid for a while, single use, a few
 * tries at most, one live code per purpose, a few codes per account per hour. The code itself
 * leaves only inside the `user.otp_requested` event, for the notification service to deliver.
 */
export class OtpService {
  constructor(
    private readonly secrets: Secrets,
    private readonly policy: OtpPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Issues a code inside the caller's transaction. Returns false (and sends nothing) past the
   * hourly limit, so callers that must not reveal anything can still answer the same way.
   */
  async issue(
    repos: Repositories,
    user: UserRecord,
    purpose: OtpPurpose,
    requestId?: string,
  ): Promise<boolean> {
    const now = this.now();
    const recent = await repos.otps.countIssuedSince(user.id, new Date(now.getTime() - HOUR_MS));
    if (recent >= this.policy.maxPerHour) return false;
    await repos.otps.retireActive(user.id, purpose, now);
    const otp = newOtp();
    const expiresAt = new Date(now.getTime() + this.policy.ttlSec * 1000);
    await repos.otps.create({
      id: randomUUID(),
      userId: user.id,
      purpose,
      codeHash: this.secrets.otpHash(user.id, purpose, otp),
      expiresAt,
    });
    await repos.outbox.add(UserEvents.otpRequested(user, purpose, otp, expiresAt, requestId));
    return true;
  }

  /**
   * Checks and uses up a code. Every try is counted before the comparison, atomically, so after
   * the last allowed try the code is dead even for the right digits. Runs outside the caller's
   * transaction on purpose: a wrong guess must stay counted when the request then fails.
   */
  async consume(
    repos: Repositories,
    userId: string,
    purpose: OtpPurpose,
    code: string,
  ): Promise<void> {
    const now = this.now();
    const otp = await repos.otps.findActive(userId, purpose, now);
    if (!otp || !(await repos.otps.claimAttempt(otp.id, this.policy.maxAttempts, now))) {
      throw invalidOtp();
    }
    if (!this.secrets.otpMatches(userId, purpose, code, otp.codeHash)) throw invalidOtp();
    if (!(await repos.otps.consume(otp.id, now))) throw invalidOtp();
  }
}

function invalidOtp() {
  return AuthErrors.create('INVALID_OTP', 'The code is wrong, expired or already used');
}
