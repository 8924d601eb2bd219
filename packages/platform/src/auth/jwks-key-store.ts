import {
  createLocalJWKSet,
  errors,
  type CryptoKey,
  type FlattenedJWSInput,
  type JSONWebKeySet,
  type JWSHeaderParameters,
} from 'jose';
import { serviceUnavailable } from '../errors/index.js';

export interface JwksKeyStoreOptions {
  url: string;
  /** Least time between two fetches, so unknown `kid`s cannot make us hammer auth. */
  cooldownMs: number;
  /** Keys older than this are fetched again (auth may have retired one). */
  maxAgeMs: number;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}

type LocalKeys = ReturnType<typeof createLocalJWKSet>;

/**
 * The JWKS of auth, cached. Written here rather than taken from jose's createRemoteJWKSet for one
 * behaviour jose lacks: when the cache is stale and auth cannot be reached, keep verifying with the
 * keys we have instead of failing every request. Key matching itself is jose's createLocalJWKSet.
 */
export class JwksKeyStore {
  private keys: LocalKeys | undefined;
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<void> | undefined;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: JwksKeyStoreOptions) {
    this.fetchImpl = options.fetchImpl ?? fetch;
  }

  /** jose's key-resolver signature; throws 503 when no key can be had because auth is down. */
  readonly getKey = async (
    header: JWSHeaderParameters,
    token: FlattenedJWSInput,
  ): Promise<CryptoKey> => {
    if (!this.keys) {
      await this.refresh();
    } else if (this.isStale() && !this.coolingDown()) {
      // Stale but usable: a failed refresh leaves the old keys in place.
      await this.refresh().catch(() => undefined);
    }
    try {
      return await this.match(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      // An unknown kid is most often a key auth has just rotated in: look once more, unless we
      // looked very recently (then it is more likely a forged kid than news).
      if (this.pending) await this.pending.catch(() => undefined);
      else if (!this.coolingDown()) await this.refresh();
      return this.match(header, token);
    }
  };

  private async match(header: JWSHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey> {
    if (!this.keys) throw new errors.JWKSNoMatchingKey();
    return this.keys(header, token);
  }

  private isStale(): boolean {
    return Date.now() - this.fetchedAt >= this.options.maxAgeMs;
  }

  private coolingDown(): boolean {
    return Date.now() - this.attemptedAt < this.options.cooldownMs;
  }

  /** One fetch at a time, however many requests are waiting for it. */
  private refresh(): Promise<void> {
    this.pending ??= this.fetchKeys().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchKeys(): Promise<void> {
    this.attemptedAt = Date.now();
    try {
      const response = await this.fetchImpl(this.options.url, {
        headers: { accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (response.status !== 200) throw new Error(`JWKS answered ${response.status}`);
      this.keys = createLocalJWKSet((await response.json()) as JSONWebKeySet);
      this.fetchedAt = Date.now();
    } catch (error) {
      throw serviceUnavailable('auth', 5, error);
    }
  }
}
