import type { IncomingHttpHeaders } from 'node:http';
import { serviceUnavailable } from '@slotwise/platform/errors';
import { Pool, type Dispatcher } from 'undici';

export interface UpstreamResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: Dispatcher.ResponseData['body'];
  instance: string;
}

export interface UpstreamRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[]>;
  body?: Buffer;
}

export interface UpstreamGroupOptions {
  name: string;
  urls: readonly string[];
  /** Whole time to the response headers, per attempt. */
  timeoutMs: number;
  connectTimeoutMs: number;
  /** How long an instance that refused a connection is skipped. */
  cooldownMs: number;
  /**
   * How often each instance's `/health/ready` is asked, when there are several: one that says
   * it is not ready (stopping, or its database down) gets no requests while another does.
   */
  healthIntervalMs?: number;
  connections?: number;
}

// Errors raised before the request reached the upstream: replaying it elsewhere is always safe,
// whatever the method, because the first instance never saw it.
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);

interface Instance {
  url: string;
  pool: Pool;
  downUntil: number;
  /** What its last readiness probe said (true until one says otherwise). */
  ready: boolean;
  probing: boolean;
}

/**
 * The instances of one upstream service: round-robin over those that are ready (an instance that
 * fails to connect is skipped for a cool-down; with several, one whose readiness probe fails is
 * skipped until it passes again), and a request that could not reach one instance (or any failed
 * idempotent request) is tried on the next. When none is ready, all are tried all the same. Every
 * attempt is bounded by the timeout, so a dead or hung upstream becomes 503 SERVICE_UNAVAILABLE in
 * bounded time, never a hang.
 */
export class UpstreamGroup {
  readonly name: string;
  private readonly instances: Instance[];
  private next = 0;
  private readonly healthTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: UpstreamGroupOptions) {
    this.name = options.name;
    this.instances = options.urls.map((url) => ({
      url,
      downUntil: 0,
      ready: true,
      probing: false,
      pool: new Pool(url, {
        connections: options.connections ?? 128,
        pipelining: 1,
        keepAliveTimeout: 30_000,
        connectTimeout: options.connectTimeoutMs,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      }),
    }));
    // With one instance there is nowhere else to send a request: nothing to probe for.
    if (this.instances.length > 1 && options.healthIntervalMs) {
      this.healthTimer = setInterval(() => {
        for (const instance of this.instances) void this.probe(instance);
      }, options.healthIntervalMs);
      this.healthTimer.unref();
    }
  }

  private async probe(instance: Instance): Promise<void> {
    if (instance.probing) return;
    instance.probing = true;
    try {
      const response = await instance.pool.request({
        method: 'GET',
        path: '/health/ready',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.body.dump();
      instance.ready = response.statusCode === 200;
      // Back (restarted): no need to wait out a cool-down its restart began.
      if (instance.ready) instance.downUntil = 0;
    } catch {
      instance.ready = false;
    } finally {
      instance.probing = false;
    }
  }

  get urls(): string[] {
    return this.instances.map((instance) => instance.url);
  }

  /** Instances in the order to try them: healthy ones from the round-robin cursor, then the rest. */
  private order(): Instance[] {
    const start = this.next;
    this.next = (this.next + 1) % this.instances.length;
    const rotated = [...this.instances.slice(start), ...this.instances.slice(0, start)];
    const now = Date.now();
    const healthy = (instance: Instance) => instance.ready && instance.downUntil <= now;
    return [...rotated.filter(healthy), ...rotated.filter((instance) => !healthy(instance))];
  }

  async request(request: UpstreamRequest, signal?: AbortSignal): Promise<UpstreamResponse> {
    let lastError: unknown;
    for (const instance of this.order()) {
      try {
        const response = await instance.pool.request({
          method: request.method,
          path: request.path,
          headers: request.headers,
          body: request.body,
          signal,
        });
        instance.downUntil = 0;
        return {
          statusCode: response.statusCode,
          headers: response.headers,
          body: response.body,
          instance: instance.url,
        };
      } catch (error) {
        lastError = error;
        const code = (error as { code?: string }).code ?? '';
        if (NOT_SENT.has(code)) {
          instance.downUntil = Date.now() + this.options.cooldownMs;
          continue;
        }
        if (signal?.aborted) break;
        if (!IDEMPOTENT.has(request.method)) break;
      }
    }
    throw serviceUnavailable(this.name, 5, lastError);
  }

  async close(): Promise<void> {
    clearInterval(this.healthTimer);
    await Promise.all(this.instances.map((instance) => instance.pool.close()));
  }
}
