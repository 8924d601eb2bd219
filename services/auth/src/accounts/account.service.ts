import { randomUUID } from 'node:crypto';
import { AuthErrors } from '../auth.errors.js';
import type { Store } from '../db/store.repository.js';
import { UserEvents } from '../events/user-events.js';
import type { OtpService } from '../otp/otp.service.js';
import type { PasswordHasher } from '../security/password-hasher.js';
import type { Session, SessionService } from '../sessions/session.service.js';
import { revocationInstant } from '../tokens/token-issuer.js';
import { UniqueViolation } from '@slotwise/platform/db';
import { toPublicUser, type PublicUser, type UserRecord } from '../users/user.types.js';
import { notFound } from '@slotwise/platform/errors';

export interface Registration {
  email: string;
  username: string;
  password: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
  phone?: string | undefined;
  role: 'CUSTOMER' | 'VENDOR';
}

export interface ProfileChanges {
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  phone?: string | null | undefined;
}

/** The account's own life: registration, verification, passwords, profile, 2FA. */
export class AccountService {
  constructor(
    private readonly store: Store,
    private readonly hasher: PasswordHasher,
    private readonly otps: OtpService,
    private readonly sessions: SessionService,
    /** Answers that must not reveal whether an account exists take at least this long. */
    private readonly enumerationFloorMs: number,
  ) {}

  async register(input: Registration, requestId?: string): Promise<PublicUser> {
    const passwordHash = await this.hasher.hash(input.password);
    try {
      const user = await this.store.transaction(async (tx) => {
        const created = await tx.users.create({
          id: randomUUID(),
          email: input.email,
          username: input.username,
          passwordHash,
          firstName: input.firstName ?? null,
          lastName: input.lastName ?? null,
          phone: input.phone ?? null,
          role: input.role,
          status: 'PENDING_VERIFICATION',
          isEmailVerified: false,
          twoFactorEnabled: false,
          lastLoginAt: null,
          tokensValidAfter: null,
        });
        await tx.outbox.add(UserEvents.registered(created, requestId));
        await this.otps.issue(tx, created, 'EMAIL_VERIFICATION', requestId);
        return created;
      });
      return toPublicUser(user);
    } catch (error) {
      if (error instanceof UniqueViolation) {
        const onUsername = error.constraint.includes('username');
        throw onUsername
          ? AuthErrors.create('USERNAME_TAKEN', 'That username is taken')
          : AuthErrors.create('EMAIL_TAKEN', 'An account with that email exists');
      }
      throw error;
    }
  }

  /** A wrong code takes as long for an unknown email as for a real one (the floor). */
  async verifyEmail(email: string, otp: string, requestId?: string): Promise<Session> {
    const { repos } = this.store;
    const user = await this.withFloor(async () => {
      const found = await repos.users.findByEmail(email);
      if (!found || found.status !== 'PENDING_VERIFICATION') throw invalidOtp();
      await this.otps.consume(repos, found.id, 'EMAIL_VERIFICATION', otp);
      return found;
    });
    return this.store.transaction(async (tx) => {
      const verified = await tx.users.update(user.id, { status: 'ACTIVE', isEmailVerified: true });
      await tx.outbox.add(UserEvents.verified(verified, requestId));
      return this.sessions.startSession(verified, tx);
    });
  }

  /** 202 whatever happens: the same answer, in about the same time, for any email. */
  async resendVerification(email: string, requestId?: string): Promise<void> {
    await this.withFloor(async () => {
      const user = await this.store.repos.users.findByEmail(email);
      if (user?.status !== 'PENDING_VERIFICATION') return;
      await this.store.transaction((tx) =>
        this.otps.issue(tx, user, 'EMAIL_VERIFICATION', requestId),
      );
    });
  }

  async forgotPassword(email: string, requestId?: string): Promise<void> {
    await this.withFloor(async () => {
      const user = await this.store.repos.users.findByEmail(email);
      if (!user || user.status === 'DELETED') return;
      await this.store.transaction((tx) => this.otps.issue(tx, user, 'PASSWORD_RESET', requestId));
    });
  }

  /**
   * Sets the new password and ends every session and every access token of the account. A wrong
   * code takes as long for an unknown email as for a real one (the floor).
   */
  async resetPassword(
    email: string,
    otp: string,
    newPassword: string,
    requestId?: string,
  ): Promise<void> {
    const { repos } = this.store;
    const user = await this.withFloor(async () => {
      const found = await repos.users.findByEmail(email);
      if (!found || found.status === 'DELETED') throw invalidOtp();
      await this.otps.consume(repos, found.id, 'PASSWORD_RESET', otp);
      return found;
    });
    const passwordHash = await this.hasher.hash(newPassword);
    await this.store.transaction(async (tx) => {
      const updated = await tx.users.update(user.id, {
        passwordHash,
        tokensValidAfter: revocationInstant(),
      });
      await tx.refreshTokens.revokeAllOfUser(user.id, new Date());
      await tx.outbox.add(UserEvents.passwordChanged(updated, 'RESET', requestId));
    });
  }

  /** Ends the other sessions; the one that changed the password stays signed in. */
  async changePassword(
    userId: string,
    sessionId: string | undefined,
    currentPassword: string,
    newPassword: string,
    requestId?: string,
  ): Promise<void> {
    const user = await this.requireUser(userId);
    if (!(await this.hasher.verify(currentPassword, user.passwordHash))) {
      throw AuthErrors.create('INVALID_CREDENTIALS', 'The current password is wrong');
    }
    const passwordHash = await this.hasher.hash(newPassword);
    await this.store.transaction(async (tx) => {
      const updated = await tx.users.update(user.id, { passwordHash });
      await tx.refreshTokens.revokeAllOfUser(user.id, new Date(), sessionId);
      await tx.outbox.add(UserEvents.passwordChanged(updated, 'CHANGE', requestId));
    });
  }

  async me(userId: string): Promise<PublicUser> {
    return toPublicUser(await this.requireUser(userId));
  }

  async updateMe(userId: string, changes: ProfileChanges, requestId?: string): Promise<PublicUser> {
    await this.requireUser(userId);
    const updated = await this.store.transaction(async (tx) => {
      const user = await tx.users.update(userId, changes);
      await tx.outbox.add(UserEvents.updated(user, requestId));
      return user;
    });
    return toPublicUser(updated);
  }

  async setTwoFactor(userId: string, password: string, enabled: boolean): Promise<PublicUser> {
    const user = await this.requireUser(userId);
    if (!(await this.hasher.verify(password, user.passwordHash))) {
      throw AuthErrors.create('INVALID_CREDENTIALS', 'The password is wrong');
    }
    return toPublicUser(
      await this.store.repos.users.update(userId, { twoFactorEnabled: enabled }, false),
    );
  }

  private async requireUser(userId: string): Promise<UserRecord> {
    const user = await this.store.repos.users.findById(userId);
    if (!user || user.status === 'DELETED') throw notFound('User');
    return user;
  }

  /**
   * Runs `work` and answers (or throws) no sooner than the enumeration floor after it began, so
   * that whether an account exists does not show in the time an answer takes.
   */
  private async withFloor<T>(work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      const left = this.enumerationFloorMs - (performance.now() - started);
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    }
  }
}

function invalidOtp() {
  return AuthErrors.create('INVALID_OTP', 'The code is wrong, expired or already used');
}
