import { randomUUID } from 'node:crypto';
import { AuthErrors } from '../auth.errors.js';
import type { Repositories, Store } from '../db/store.repository.js';
import type { OtpService } from '../otp/otp.service.js';
import type { PasswordHasher } from '../security/password-hasher.js';
import { newOpaqueToken, sha256 } from '../security/random.js';
import type { Secrets } from '../security/secrets.js';
import { revocationInstant, type TokenIssuer } from '../tokens/token-issuer.js';
import { toPublicUser, type PublicUser, type UserRecord } from '../users/user.types.js';
import type { LoginThrottle } from './login-throttle.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
}

export interface Session {
  user: PublicUser;
  tokens: TokenPair;
}

export type LoginOutcome =
  { kind: 'session'; session: Session } | { kind: 'twoFactor'; challengeId: string };

export interface SessionPolicy {
  refreshTokenTtlSec: number;
  refreshGraceSec: number;
  challengeTtlSec: number;
}

type RefreshOutcome =
  | { ok: true; session: Session }
  | { ok: false; code: 'INVALID_REFRESH_TOKEN' | 'REFRESH_TOKEN_REUSED' };

/** Signing in and staying signed in: login (with 2FA), refresh rotation, logout. */
export class SessionService {
  constructor(
    private readonly store: Store,
    private readonly hasher: PasswordHasher,
    private readonly issuer: TokenIssuer,
    private readonly otps: OtpService,
    private readonly throttle: LoginThrottle,
    private readonly secrets: Secrets,
    private readonly policy: SessionPolicy,
  ) {}

  async login(identifier: string, password: string, requestId?: string): Promise<LoginOutcome> {
    const { repos } = this.store;
    const found = await repos.users.findByIdentifier(identifier.trim());
    const user = found && found.status !== 'DELETED' ? found : null;
    const throttleKey = user ? `user:${user.id}` : `identifier:${identifier.trim().toLowerCase()}`;
    await this.throttle.assertOpen(repos, throttleKey);

    const valid = user
      ? await this.hasher.verify(password, user.passwordHash)
      : await this.hasher.verifyNothing(password);
    if (!user || !valid) {
      await this.store.transaction((tx) => this.throttle.recordFailure(tx, throttleKey));
      throw AuthErrors.create('INVALID_CREDENTIALS', 'Wrong email, username or password');
    }
    await this.throttle.recordSuccess(repos, throttleKey);
    assertMaySignIn(user);

    if (user.twoFactorEnabled) {
      const challengeId = randomUUID();
      const issued = await this.store.transaction(async (tx) => {
        await tx.challenges.create({
          id: challengeId,
          userId: user.id,
          expiresAt: new Date(Date.now() + this.policy.challengeTtlSec * 1000),
        });
        return this.otps.issue(tx, user, 'TWO_FACTOR_AUTH', requestId);
      });
      if (!issued) throw tooManyCodes();
      return { kind: 'twoFactor', challengeId };
    }
    return { kind: 'session', session: await this.startSession(user) };
  }

  async completeTwoFactor(challengeId: string, otp: string): Promise<Session> {
    const { repos } = this.store;
    const challenge = await repos.challenges.findOpen(challengeId, new Date());
    if (!challenge)
      throw AuthErrors.create('INVALID_CHALLENGE', 'The sign-in challenge is unknown or expired');
    await this.otps.consume(repos, challenge.userId, 'TWO_FACTOR_AUTH', otp);
    if (!(await repos.challenges.consume(challenge.id, new Date()))) {
      throw AuthErrors.create('INVALID_CHALLENGE', 'The sign-in challenge is unknown or expired');
    }
    const user = await repos.users.findById(challenge.userId);
    if (!user)
      throw AuthErrors.create('INVALID_CHALLENGE', 'The sign-in challenge is unknown or expired');
    assertMaySignIn(user);
    return this.startSession(user);
  }

  /** A new refresh-token family and the first pair of it. */
  async startSession(user: UserRecord, repos?: Repositories): Promise<Session> {
    const now = new Date();
    const familyId = randomUUID();
    const refreshToken = newOpaqueToken();
    const write = async (tx: Repositories): Promise<UserRecord> => {
      await tx.refreshTokens.create({
        id: randomUUID(),
        userId: user.id,
        tokenHash: sha256(refreshToken),
        familyId,
        expiresAt: new Date(now.getTime() + this.policy.refreshTokenTtlSec * 1000),
      });
      return tx.users.update(user.id, { lastLoginAt: now }, false);
    };
    const updated = repos ? await write(repos) : await this.store.transaction(write);
    const accessToken = await this.issuer.accessToken(updated, familyId);
    return {
      user: toPublicUser(updated),
      tokens: { accessToken, refreshToken, expiresIn: this.issuer.accessTokenTtlSec },
    };
  }

  /**
   * Rotates a refresh token. A token presented again after its rotation revokes its whole family,
   * except within a few seconds of the rotation, when it gets the same new pair: two tabs
   * refreshing at once must not sign an honest user out.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const outcome = await this.store.transaction(async (tx): Promise<RefreshOutcome> => {
      const now = new Date();
      const token = await tx.refreshTokens.findByHashForUpdate(sha256(refreshToken));
      if (!token || token.revokedAt || token.expiresAt <= now)
        return { ok: false, code: 'INVALID_REFRESH_TOKEN' };
      if (token.replacedById) {
        const inGrace =
          token.rotatedAt &&
          now.getTime() - token.rotatedAt.getTime() <= this.policy.refreshGraceSec * 1000;
        const replay =
          inGrace && token.graceBlob ? this.secrets.unseal<Session>(token.graceBlob) : undefined;
        if (replay) return { ok: true, session: reviveDates(replay) };
        await tx.refreshTokens.revokeFamily(token.familyId, now);
        return { ok: false, code: 'REFRESH_TOKEN_REUSED' };
      }
      const user = await tx.users.findById(token.userId);
      if (!user || user.status !== 'ACTIVE') {
        await tx.refreshTokens.revokeFamily(token.familyId, now);
        return { ok: false, code: 'INVALID_REFRESH_TOKEN' };
      }
      const next = newOpaqueToken();
      const nextId = randomUUID();
      await tx.refreshTokens.create({
        id: nextId,
        userId: user.id,
        tokenHash: sha256(next),
        familyId: token.familyId,
        // Rotation never extends a session: the family dies when its first token would have.
        expiresAt: token.expiresAt,
      });
      const session: Session = {
        user: toPublicUser(user),
        tokens: {
          accessToken: await this.issuer.accessToken(user, token.familyId),
          refreshToken: next,
          expiresIn: this.issuer.accessTokenTtlSec,
        },
      };
      const grace = this.policy.refreshGraceSec > 0 ? this.secrets.seal(session) : null;
      await tx.refreshTokens.markRotated(token.id, nextId, now, grace);
      return { ok: true, session };
    });
    if (!outcome.ok) {
      throw AuthErrors.create(
        outcome.code,
        outcome.code === 'REFRESH_TOKEN_REUSED'
          ? 'This refresh token was already used; the session has been ended'
          : 'The refresh token is invalid or expired',
      );
    }
    return outcome.session;
  }

  /** Ends the session the token belongs to; an unknown token is not an error. */
  async logout(refreshToken: string): Promise<void> {
    const { repos } = this.store;
    const familyId = await repos.refreshTokens.familyOf(sha256(refreshToken));
    if (familyId) await repos.refreshTokens.revokeFamily(familyId, new Date());
  }

  /** Every session of the user, and every access token issued so far. */
  async logoutAll(userId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      await tx.refreshTokens.revokeAllOfUser(userId, new Date());
      await tx.users.update(userId, { tokensValidAfter: revocationInstant() }, false);
    });
  }
}

export function assertMaySignIn(user: UserRecord): void {
  if (user.status === 'SUSPENDED') {
    throw AuthErrors.create('ACCOUNT_SUSPENDED', 'This account is suspended');
  }
  if (user.status === 'PENDING_VERIFICATION' || !user.isEmailVerified) {
    throw AuthErrors.create('EMAIL_NOT_VERIFIED', 'Verify your email address first');
  }
  if (user.status !== 'ACTIVE') {
    throw AuthErrors.create('INVALID_CREDENTIALS', 'Wrong email, username or password');
  }
}

/** A session that went through JSON (the sealed grace pair) has its dates back. */
function reviveDates(session: Session): Session {
  const { user } = session;
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return {
    ...session,
    user: {
      ...user,
      lastLoginAt: date(user.lastLoginAt),
      createdAt: new Date(user.createdAt),
      updatedAt: new Date(user.updatedAt),
    },
  };
}

function tooManyCodes() {
  return AuthErrors.create('TOO_MANY_ATTEMPTS', 'Too many codes requested; try again later', {
    retryAfter: 3600,
  });
}
