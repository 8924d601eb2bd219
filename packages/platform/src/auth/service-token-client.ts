import { serviceUnavailable } from '../errors/index.js';

export interface ServiceTokenClientOptions {
  /** Auth's base URL, e.g. `http://auth:3001`. */
  authUrl: string;
  clientId: string;
  clientSecret: string;
  /** The service the token is for; one client per target service. */
  audience: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  /** Renew this long before expiry, so a token never expires on its way. Default 30 s. */
  refreshBeforeExpirySec?: number;
  /** Milliseconds clock; injectable so tests can move past expiry. */
  now?: () => number;
}

interface CachedToken {
  value: string;
  renewAt: number;
}

/**
 * Client-credentials service tokens from auth, cached until shortly before they expire. Concurrent
 * callers share one request: at start-up, or at expiry under load, every in-flight call would
 * otherwise ask auth for its own token at once.
 */
export class ServiceTokenClient {
  private cached: CachedToken | undefined;
  private pending: Promise<string> | undefined;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly options: ServiceTokenClientOptions) {
    this.fetchImpl = options.fetchImpl ?? fetch;
    this.now = options.now ?? Date.now;
  }

  /** An arrow property, so it can be handed to a ServiceClient as `getToken: tokens.getToken`. */
  readonly getToken = (): Promise<string> => {
    if (this.cached && this.now() < this.cached.renewAt) return Promise.resolve(this.cached.value);
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  };

  /** Drops the cached token, e.g. after an upstream refused it with 401. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const { authUrl, clientId, clientSecret, audience } = this.options;
    const requestedAt = this.now();
    let body: unknown;
    try {
      const response = await this.fetchImpl(
        `${authUrl.replace(/\/+$/, '')}/internal/service-token`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ clientId, clientSecret, audience }),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 2_000),
        },
      );
      // The status goes into the cause only: a refused secret is our misconfiguration, and to our
      // own callers it looks the same as auth being down.
      if (!response.ok)
        throw new Error(`auth answered ${response.status} to a service-token request`);
      body = await response.json();
    } catch (error) {
      throw serviceUnavailable('auth', 5, error);
    }
    const data = (body as { data?: { accessToken?: unknown; expiresIn?: unknown } } | null)?.data;
    const { accessToken, expiresIn } = data ?? {};
    if (typeof accessToken !== 'string' || typeof expiresIn !== 'number' || !(expiresIn > 0)) {
      throw serviceUnavailable('auth', 5, new Error('malformed service-token response'));
    }
    // Expiry counts from when we asked, not when the answer arrived: the token was minted between.
    const margin = Math.min(this.options.refreshBeforeExpirySec ?? 30, expiresIn / 2);
    this.cached = { value: accessToken, renewAt: requestedAt + (expiresIn - margin) * 1000 };
    return accessToken;
  }
}
