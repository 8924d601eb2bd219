import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { AppError, serviceUnavailable } from '../errors/index.js';
import {
  CircuitBreaker,
  type BreakerState,
  type CircuitBreakerOptions,
} from './circuit-breaker.js';
import {
  backoffDelay,
  defaultBackoff,
  failedBeforeSending,
  isIdempotentMethod,
  type BackoffOptions,
} from './retry-policy.js';
import {
  retryAfterHeader,
  toServiceResponse,
  type ParseSchema,
  type RawResponse,
  type ServiceResponse,
} from './response.js';
import {
  buildPath,
  type Query,
  UpstreamStatusError,
  UpstreamTimeoutError,
} from './request-parts.js';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export interface ServiceClientOptions {
  /** The upstream's name ('resource'): named in 503 details and logs, never its address. */
  name: string;
  /** Origin plus an optional path prefix, e.g. `http://resource:3004`. */
  baseUrl: string;
  /** Default deadline of a whole call, retries included. Default 2000 ms. */
  timeoutMs?: number;
  /** Cap on a single attempt, so a hung first attempt leaves budget for a retry. Default: none. */
  attemptTimeoutMs?: number;
  /** Extra attempts after the first, for calls that may be retried. Default 2. */
  maxRetries?: number;
  backoff?: BackoffOptions;
  breaker?: CircuitBreakerOptions;
  /** Returns a service token; sent as `Authorization: Bearer` on every call. */
  getToken?: () => string | Promise<string>;
  /** `Retry-After` seconds for a 503 when neither the breaker nor the upstream gives one. Default 5. */
  retryAfterSec?: number;
  /** Keep-alive connections to this upstream. Default 32. */
  connections?: number;
  logger?: { warn(obj: object, msg: string): void };
}

export interface CallOptions<T = unknown> {
  headers?: Record<string, string>;
  /** Deadline of this call, retries included. */
  timeoutMs?: number;
  /** Validates (and types) a 2xx body; a body that does not match is a 500, not a 503. */
  schema?: ParseSchema<T>;
  /** Forwarded as `x-request-id`, so the upstream logs under the same id. */
  requestId?: string;
  /** Overrides the method's default (GET/HEAD/PUT/DELETE/OPTIONS are idempotent). */
  idempotent?: boolean;
  query?: Query;
}

/**
 * The one way a service calls another (DESIGN.md): keep-alive pool, deadline, retries with jittered
 * backoff for calls that may be repeated, and a circuit breaker. A dependency that is down or slow
 * becomes 503 SERVICE_UNAVAILABLE within the deadline; any answer below 500 is returned as is.
 */
export class ServiceClient {
  readonly name: string;
  readonly breaker: CircuitBreaker;
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly timeoutMs: number;
  private readonly attemptTimeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoff: BackoffOptions;
  private readonly retryAfterSec: number;
  private readonly getToken: (() => string | Promise<string>) | undefined;

  constructor(options: ServiceClientOptions) {
    const url = new URL(options.baseUrl);
    this.name = options.name;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 2_000;
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? Number.POSITIVE_INFINITY;
    this.maxRetries = options.maxRetries ?? 2;
    this.backoff = options.backoff ?? defaultBackoff;
    this.retryAfterSec = options.retryAfterSec ?? 5;
    this.getToken = options.getToken;
    this.pool = new Pool(url.origin, { connections: options.connections ?? 32 });
    const { logger, name } = options;
    const userHook = options.breaker?.onStateChange;
    this.breaker = new CircuitBreaker({
      ...options.breaker,
      onStateChange: (from: BreakerState, to: BreakerState) => {
        logger?.warn({ upstream: name, from, to }, 'circuit breaker state changed');
        userHook?.(from, to);
      },
    });
  }

  get<T = unknown>(path: string, options?: CallOptions<T>): Promise<ServiceResponse<T>> {
    return this.request('GET', path, undefined, options);
  }

  head(path: string, options?: Omit<CallOptions, 'schema'>): Promise<ServiceResponse<undefined>> {
    return this.request('HEAD', path, undefined, options);
  }

  delete<T = unknown>(path: string, options?: CallOptions<T>): Promise<ServiceResponse<T>> {
    return this.request('DELETE', path, undefined, options);
  }

  post<T = unknown>(
    path: string,
    body?: unknown,
    options?: CallOptions<T>,
  ): Promise<ServiceResponse<T>> {
    return this.request('POST', path, body, options);
  }

  put<T = unknown>(
    path: string,
    body?: unknown,
    options?: CallOptions<T>,
  ): Promise<ServiceResponse<T>> {
    return this.request('PUT', path, body, options);
  }

  patch<T = unknown>(
    path: string,
    body?: unknown,
    options?: CallOptions<T>,
  ): Promise<ServiceResponse<T>> {
    return this.request('PATCH', path, body, options);
  }

  async request<T = unknown>(
    method: HttpMethod,
    path: string,
    body: unknown,
    options: CallOptions<T> = {},
  ): Promise<ServiceResponse<T>> {
    const deadline = Date.now() + (options.timeoutMs ?? this.timeoutMs);
    const idempotent = options.idempotent ?? isIdempotentMethod(method);
    const headers = await this.headers(options, body !== undefined);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const target = buildPath(this.basePath, path, options.query);
    let lastError: unknown;

    for (let attempt = 0; ; attempt += 1) {
      if (!this.breaker.tryAcquire()) {
        throw serviceUnavailable(this.name, this.breaker.retryAfterSeconds(), lastError);
      }
      let raw: RawResponse;
      try {
        raw = await this.send(method, target, headers, payload, deadline);
      } catch (error) {
        this.breaker.onFailure();
        lastError = error;
        // A POST that was refused before anything was sent cannot have had an effect: retry it.
        const mayRetry = idempotent || failedBeforeSending(error);
        if (mayRetry && (await this.backOff(attempt, deadline))) continue;
        throw serviceUnavailable(this.name, this.retryAfterSec, error);
      }
      if (raw.status >= 500) {
        this.breaker.onFailure();
        lastError = new UpstreamStatusError(`${this.name} answered ${raw.status}`);
        if (idempotent && (await this.backOff(attempt, deadline))) continue;
        const retryAfter = retryAfterHeader(raw.headers) ?? this.retryAfterSec;
        throw serviceUnavailable(this.name, retryAfter, lastError);
      }
      // Any answer below 500 proves the upstream is up, whatever it thinks of this request.
      this.breaker.onSuccess();
      return toServiceResponse(this.name, raw, options.schema);
    }
  }

  /** Waits for in-flight calls, then closes the keep-alive connections. */
  async close(): Promise<void> {
    await this.pool.close();
  }

  private async headers(
    options: CallOptions<unknown>,
    hasBody: boolean,
  ): Promise<Record<string, string>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (hasBody) headers['content-type'] = 'application/json';
    if (options.requestId) headers['x-request-id'] = options.requestId;
    if (this.getToken) {
      try {
        headers.authorization = `Bearer ${await this.getToken()}`;
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw serviceUnavailable('service-token', this.retryAfterSec, error);
      }
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      headers[name.toLowerCase()] = value;
    }
    return headers;
  }

  /** One attempt, bounded by the call's deadline from connect to the last body byte. */
  private async send(
    method: HttpMethod,
    path: string,
    headers: Record<string, string>,
    body: string | undefined,
    deadline: number,
  ): Promise<RawResponse> {
    const budget = Math.min(deadline - Date.now(), this.attemptTimeoutMs);
    if (budget <= 0) throw new UpstreamTimeoutError(`${this.name} call ran out of time`);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort(new UpstreamTimeoutError(`${this.name} did not answer within ${budget} ms`));
    }, budget);
    try {
      const response = await this.pool.request({
        method,
        path,
        headers,
        body: body ?? null,
        signal: controller.signal,
      });
      const text = await response.body.text();
      return { status: response.statusCode, headers: response.headers, text };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sleeps a jittered delay before the next attempt; false when no attempt is left or fits. */
  private async backOff(attempt: number, deadline: number): Promise<boolean> {
    if (attempt >= this.maxRetries) return false;
    const delay = backoffDelay(attempt, this.backoff);
    if (Date.now() + delay >= deadline) return false;
    await sleep(delay);
    return true;
  }
}
