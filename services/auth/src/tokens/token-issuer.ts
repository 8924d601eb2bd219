import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { KeyStore } from './key-store.js';
import { SIGNING_ALGORITHM } from './key-store.js';

export interface TokenSettings {
  issuer: string;
  audience: string;
  accessTokenTtlSec: number;
  serviceTokenTtlSec: number;
}

/** Signs access tokens (users) and service tokens (services) with the active key. */
export class TokenIssuer {
  constructor(
    private readonly keys: KeyStore,
    private readonly settings: TokenSettings,
  ) {}

  get accessTokenTtlSec(): number {
    return this.settings.accessTokenTtlSec;
  }

  /**
   * `sid` names the session (refresh-token family), so "other sessions" can be told apart. A token
   * is never dated before the user's revocation instant (a whole second, see `revocationInstant`):
   * one issued in that same second after the revocation must not count as revoked.
   */
  async accessToken(
    user: { id: string; role: string; tokensValidAfter: Date | null },
    sessionId: string,
  ): Promise<string> {
    const notBefore = user.tokensValidAfter ? user.tokensValidAfter.getTime() / 1000 : 0;
    return this.sign(
      { role: user.role, sid: sessionId },
      user.id,
      this.settings.audience,
      this.settings.accessTokenTtlSec,
      Math.max(Math.floor(Date.now() / 1000), notBefore),
    );
  }

  async serviceToken(clientId: string, audience: string): Promise<string> {
    return this.sign(
      { role: 'SERVICE' },
      `service:${clientId}`,
      audience,
      this.settings.serviceTokenTtlSec,
      Math.floor(Date.now() / 1000),
    );
  }

  private async sign(
    claims: Record<string, string>,
    subject: string,
    audience: string,
    ttlSec: number,
    now: number,
  ): Promise<string> {
    const key = await this.keys.activeKey();
    return new SignJWT(claims)
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
      .setIssuer(this.settings.issuer)
      .setAudience(audience)
      .setSubject(subject)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSec)
      .sign(key.privateKey);
  }
}

/**
 * The whole second after now: tokens dated (iat) before it are revoked. Verifiers compare whole
 * seconds, so rounding up refuses every token issued up to this moment.
 */
export function revocationInstant(now = Date.now()): Date {
  return new Date((Math.floor(now / 1000) + 1) * 1000);
}
