import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceClient, type ServiceClientOptions } from '@slotwise/platform/client';
import { AppError, serviceUnavailable } from '@slotwise/platform/errors';
import { afterEach, describe, expect, it } from 'vitest';

interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Upstream {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

type Handler = (res: ServerResponse, hit: number, req: SeenRequest) => void;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A real upstream on 127.0.0.1:0 that records every request it receives. */
async function startUpstream(handler: Handler): Promise<Upstream> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(seen);
      handler(res, requests.length, seen);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  };
  cleanups.push(close);
  return { url: `http://127.0.0.1:${port}`, requests, close };
}

function json(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function client(baseUrl: string, options: Partial<ServiceClientOptions> = {}): ServiceClient {
  const made = new ServiceClient({
    name: 'resource',
    baseUrl,
    backoff: { baseMs: 10, maxMs: 50 },
    // Tests that are not about the breaker must not trip it.
    breaker: { failureThreshold: 100, failureRateThreshold: 2 },
    ...options,
  });
  cleanups.push(() => made.close());
  return made;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('ServiceClient', () => {
  it('turns an upstream that accepts the connection and never answers into a 503 within the timeout', async () => {
    const upstream = await startUpstream(() => undefined);
    const started = Date.now();
    const error = await rejection(client(upstream.url).get('/resources/1', { timeoutMs: 300 }));
    const elapsed = Date.now() - started;
    expect(error.status).toBe(503);
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.retryAfter).toBeGreaterThan(0);
    expect(error.details).toEqual({ dependency: 'resource' });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(500);
  });

  it('times out an upstream that sends headers and then stalls the body', async () => {
    const upstream = await startUpstream((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    });
    const started = Date.now();
    const error = await rejection(client(upstream.url).get('/x', { timeoutMs: 200 }));
    expect(error.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(400);
  });

  it('answers 503 fast when the connection is refused', async () => {
    const closed = await startUpstream(() => undefined);
    await closed.close();
    const started = Date.now();
    const error = await rejection(client(closed.url, { timeoutMs: 5_000 }).get('/x'));
    expect(error.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('retries a GET that got a 5xx, and returns the answer once the upstream recovers', async () => {
    const upstream = await startUpstream((res, hit) =>
      hit < 3 ? json(res, 503, {}) : json(res, 200, { data: { id: 'r1' } }),
    );
    const response = await client(upstream.url).get<{ data: { id: string } }>('/resources/r1');
    expect(response).toMatchObject({ ok: true, status: 200, body: { data: { id: 'r1' } } });
    expect(upstream.requests).toHaveLength(3);
  });

  it('retries idempotent calls only: GET/PUT/DELETE and an explicitly idempotent POST', async () => {
    const upstream = await startUpstream((res) => json(res, 500, {}));
    const api = client(upstream.url, { maxRetries: 2 });
    const hitsFor = async (call: () => Promise<unknown>): Promise<number> => {
      const before = upstream.requests.length;
      expect((await rejection(call())).status).toBe(503);
      return upstream.requests.length - before;
    };
    expect(await hitsFor(() => api.get('/x'))).toBe(3);
    expect(await hitsFor(() => api.put('/x', {}))).toBe(3);
    expect(await hitsFor(() => api.delete('/x'))).toBe(3);
    expect(await hitsFor(() => api.post('/x', { a: 1 }))).toBe(1);
    expect(await hitsFor(() => api.patch('/x', { a: 1 }))).toBe(1);
    expect(await hitsFor(() => api.post('/x', {}, { idempotent: true }))).toBe(3);
    expect(await hitsFor(() => api.get('/x', { idempotent: false }))).toBe(1);
  });

  it('never retries a POST whose connection broke after it was sent', async () => {
    const upstream = await startUpstream((res) => res.socket?.destroy());
    const error = await rejection(client(upstream.url).post('/bookings', { a: 1 }));
    expect(error.status).toBe(503);
    expect(upstream.requests).toHaveLength(1);
  });

  it('passes a 404 through to the caller with the upstream error envelope, without retrying', async () => {
    const upstream = await startUpstream((res) =>
      json(res, 404, {
        error: { code: 'NOT_FOUND', message: 'Resource not found', requestId: 'u' },
      }),
    );
    const api = client(upstream.url);
    const response = await api.get('/resources/missing');
    expect(response).toMatchObject({
      ok: false,
      status: 404,
      error: { code: 'NOT_FOUND', message: 'Resource not found' },
    });
    expect(upstream.requests).toHaveLength(1);
    expect(api.breaker.state).toBe('CLOSED');
  });

  it('opens the circuit after consecutive failures, fails fast, half-opens after the cool-down and closes on success', async () => {
    let healthy = false;
    const upstream = await startUpstream((res) =>
      healthy ? json(res, 200, { ok: 1 }) : json(res, 500, {}),
    );
    const clock = { now: 0 };
    const api = client(upstream.url, {
      maxRetries: 0,
      breaker: { failureThreshold: 3, coolDownMs: 30_000, now: () => clock.now },
    });
    for (let i = 0; i < 3; i += 1) expect((await rejection(api.get('/x'))).status).toBe(503);
    expect(api.breaker.state).toBe('OPEN');

    const started = Date.now();
    const fast = await rejection(api.get('/x'));
    expect(fast.status).toBe(503);
    expect(fast.retryAfter).toBe(30);
    expect(Date.now() - started).toBeLessThan(50);
    expect(upstream.requests).toHaveLength(3);

    clock.now += 30_000;
    expect(api.breaker.state).toBe('HALF_OPEN');
    healthy = true;
    expect((await api.get('/x')).status).toBe(200);
    expect(upstream.requests).toHaveLength(4);
    expect(api.breaker.state).toBe('CLOSED');
  });

  it('lets a single trial call through while half-open and reopens when it fails', async () => {
    const upstream = await startUpstream((res) => setTimeout(() => json(res, 500, {}), 100));
    const clock = { now: 0 };
    const api = client(upstream.url, {
      maxRetries: 0,
      breaker: { failureThreshold: 1, coolDownMs: 1_000, now: () => clock.now },
    });
    await rejection(api.get('/x'));
    clock.now += 1_000;
    const [trial, concurrent] = await Promise.all([
      rejection(api.get('/x')),
      rejection(api.get('/x')),
    ]);
    expect([trial.status, concurrent.status]).toEqual([503, 503]);
    expect(upstream.requests).toHaveLength(2);
    expect(api.breaker.state).toBe('OPEN');
  });

  it('sends JSON, the query, x-request-id and the service token, and validates the body with a schema', async () => {
    const upstream = await startUpstream((res) => json(res, 201, { data: { id: 'b1' } }));
    const api = client(`${upstream.url}/internal/`, {
      getToken: () => Promise.resolve('svc-token'),
    });
    const schema = {
      parse: (data: unknown): { id: string } => ({
        id: (data as { data: { id: string } }).data.id,
      }),
    };
    const response = await api.post(
      '/bookings',
      { resourceId: 'r1' },
      { requestId: 'req-42', query: { dryRun: true, skip: undefined }, schema },
    );
    expect(response).toMatchObject({ ok: true, status: 201, body: { id: 'b1' } });
    const [seen] = upstream.requests;
    expect(seen).toMatchObject({ method: 'POST', url: '/internal/bookings?dryRun=true' });
    expect(JSON.parse(seen!.body)).toEqual({ resourceId: 'r1' });
    expect(seen!.headers).toMatchObject({
      'x-request-id': 'req-42',
      authorization: 'Bearer svc-token',
      'content-type': 'application/json',
    });
  });

  it('reports a 2xx body that breaks the contract as a 500, not as an outage', async () => {
    const upstream = await startUpstream((res) => json(res, 200, { unexpected: true }));
    const schema = {
      parse: (): never => {
        throw new Error('invalid');
      },
    };
    const error = await rejection(client(upstream.url).get('/x', { schema }));
    expect(error.status).toBe(500);
  });

  it("keeps the upstream's Retry-After and the token hook's own 503", async () => {
    const upstream = await startUpstream((res) => json(res, 503, {}, { 'retry-after': '17' }));
    expect((await rejection(client(upstream.url).post('/x', {}))).retryAfter).toBe(17);

    const tokenDown = serviceUnavailable('auth', 9);
    const api = client(upstream.url, { getToken: () => Promise.reject(tokenDown) });
    expect(await rejection(api.get('/x'))).toBe(tokenDown);
    expect(upstream.requests).toHaveLength(1);
  });
});
