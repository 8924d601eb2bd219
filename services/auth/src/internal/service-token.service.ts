import { createHash, timingSafeEqual } from 'node:crypto';
import { AuthErrors } from '../auth.errors.js';
import type { TokenIssuer } from '../tokens/token-issuer.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Client credentials for service-to-service calls: a calling service proves who it is with its
 * secret and gets a short-lived token for one target service (the audience).
 */
export class ServiceTokenService {
  constructor(
    private readonly clients: Readonly<Record<string, string>>,
    private readonly allowedAudiences: ReadonlySet<string>,
    private readonly issuer: TokenIssuer,
    private readonly ttlSec: number,
  ) {}

  async issue(
    clientId: string,
    clientSecret: string,
    audience: string,
  ): Promise<{ accessToken: string; expiresIn: number }> {
    const expected = Object.hasOwn(this.clients, clientId) ? this.clients[clientId] : undefined;
    // Compared as digests so the comparison takes the same time whatever the lengths.
    const matches = timingSafeEqual(digest(clientSecret), digest(expected ?? `\0${clientSecret}`));
    if (!expected || !matches)
      throw AuthErrors.create('INVALID_CLIENT', 'Unknown client or wrong secret');
    if (!this.allowedAudiences.has(audience)) {
      throw AuthErrors.create('INVALID_CLIENT', 'No service tokens are issued for that audience');
    }
    return {
      accessToken: await this.issuer.serviceToken(clientId, audience),
      expiresIn: this.ttlSec,
    };
  }
}
