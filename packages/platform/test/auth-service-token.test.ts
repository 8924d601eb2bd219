import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceTokenClient, type ServiceTokenClientOptions } from '@slotwise/platform/auth';
import { ServiceClient } from '@slotwise/platform/client';
import { AppError } from '@slotwise/platform/errors';
import { afterEach, describe, expect, it } from 'vitest';

interface FakeAuth {
  url: string;
  /** Bodies of the service-token requests received, in order. */
  requests: unknown[];
  /** What the next answers look like; the default issues `token-<n>` for 60 s. */
  respond: (res: ServerResponse, n: number) => void;
  close(): Promise<void>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function issue(res: ServerResponse, n: number, expiresIn = 60): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ data: { accessToken: `token-${n}`, expiresIn } }));
}

async function startFakeAuth(): Promise<FakeAuth> {
  const fake: FakeAuth = { url: '', requests: [], respond: issue, close: () => Promise.resolve() };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/internal/service-token') {
        res.writeHead(404).end();
        return;
      }
      fake.requests.push(JSON.parse(body));
      fake.respond(res, fake.requests.length);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = async () => {
    if (!server.listening) return;
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  };
  cleanups.push(() => fake.close());
  return fake;
}

function tokenClient(
  authUrl: string,
  overrides: Partial<ServiceTokenClientOptions> = {},
): ServiceTokenClient {
  return new ServiceTokenClient({
    authUrl,
    clientId: 'booking',
    clientSecret: 's3cret',
    audience: 'resource',
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('ServiceTokenClient', () => {
  it('asks auth with its credentials once and serves the cached token after', async () => {
    const auth = await startFakeAuth();
    const tokens = tokenClient(auth.url);
    expect(await tokens.getToken()).toBe('token-1');
    expect(await tokens.getToken()).toBe('token-1');
    expect(auth.requests).toEqual([
      { clientId: 'booking', clientSecret: 's3cret', audience: 'resource' },
    ]);
  });

  it('renews the token shortly before it expires', async () => {
    const auth = await startFakeAuth();
    const clock = { now: 0 };
    const tokens = tokenClient(auth.url, { now: () => clock.now, refreshBeforeExpirySec: 30 });
    expect(await tokens.getToken()).toBe('token-1');
    clock.now = 29_999; // expires at 60 s, renewed from 30 s on
    expect(await tokens.getToken()).toBe('token-1');
    clock.now = 30_000;
    expect(await tokens.getToken()).toBe('token-2');
  });

  it('makes one request for many concurrent callers', async () => {
    const auth = await startFakeAuth();
    auth.respond = (res, n) => setTimeout(() => issue(res, n), 50);
    const tokens = tokenClient(auth.url);
    const all = await Promise.all(Array.from({ length: 20 }, () => tokens.getToken()));
    expect(new Set(all)).toEqual(new Set(['token-1']));
    expect(auth.requests).toHaveLength(1);
  });

  it('maps a refusal by auth to 503 and does not cache the failure', async () => {
    const auth = await startFakeAuth();
    auth.respond = (res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{}');
    const tokens = tokenClient(auth.url);
    const error = await failure(tokens.getToken());
    expect(error).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(error.details).toEqual({ dependency: 'auth' });
    auth.respond = issue;
    expect(await tokens.getToken()).toBe('token-2');
  });

  it('maps an unreachable or hanging auth and a malformed answer to 503', async () => {
    const auth = await startFakeAuth();
    auth.respond = (res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
    expect((await failure(tokenClient(auth.url).getToken())).status).toBe(503);

    auth.respond = () => undefined;
    const started = Date.now();
    expect((await failure(tokenClient(auth.url, { timeoutMs: 200 }).getToken())).status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1_000);

    await auth.close();
    expect((await failure(tokenClient(auth.url).getToken())).status).toBe(503);
  });

  it('fetches a new token after invalidate()', async () => {
    const auth = await startFakeAuth();
    const tokens = tokenClient(auth.url);
    await tokens.getToken();
    tokens.invalidate();
    expect(await tokens.getToken()).toBe('token-2');
  });

  it('feeds a ServiceClient, which sends the token as a Bearer header', async () => {
    const auth = await startFakeAuth();
    const seen: (string | undefined)[] = [];
    const upstream = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
    });
    upstream.listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    const tokens = tokenClient(auth.url);
    const client = new ServiceClient({
      name: 'resource',
      baseUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      getToken: tokens.getToken,
    });
    cleanups.push(async () => {
      await client.close();
      upstream.close();
    });
    await client.get('/internal/resources/1');
    await client.get('/internal/resources/2');
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-1']);
  });
});
