import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Revocation } from '@slotwise/platform/auth';
import { startTestKeys, type TestKeys } from '@slotwise/testkit';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from './harness.js';
import { startEchoUpstream, type EchoUpstream } from './upstreams.js';

/**
 * Auth as the gateway meets it: the client-credentials endpoint, the feed of revoked users and
 * sessions (what the test puts in `revocations`), and, for every other path, a 200 that counts
 * the requests that reached it.
 */
interface AuthStub {
  url: string;
  revocations: Revocation[];
  feedReads: number;
  hits: number;
  close(): Promise<void>;
}

async function startAuthStub(keys: TestKeys): Promise<AuthStub> {
  const stub: AuthStub = {
    url: '',
    revocations: [],
    feedReads: 0,
    hits: 0,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
  const server = createServer((request, response) => {
    request.resume();
    const reply = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'POST' && request.url === '/internal/service-token') {
      void keys
        .sign({ sub: 'service:gateway', role: 'SERVICE', aud: 'auth' })
        .then((accessToken) => reply({ data: { accessToken, expiresIn: 900 } }));
      return;
    }
    if (request.url?.startsWith('/internal/token-revocations')) {
      stub.feedReads += 1;
      return reply({ data: stub.revocations });
    }
    stub.hits += 1;
    reply({ data: { url: request.url } });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return stub;
}

const code = (response: LightMyRequestResponse) =>
  response.json<{ error: { code: string } }>().error.code;

describe('gateway regressions', () => {
  let keys: TestKeys;
  let auth: AuthStub;
  let booking: EchoUpstream;
  let gateway: Gateway;
  beforeAll(async () => {
    keys = await startTestKeys({ issuer: 'slotwise-auth', audience: 'slotwise-api' });
    auth = await startAuthStub(keys);
    booking = await startEchoUpstream('bookings');
    gateway = await startGateway({
      AUTH_SERVICE_URL: auth.url,
      AUTH_JWKS_URL: keys.jwksUrl,
      BOOKING_SERVICE_URL: booking.url,
      SERVICE_CLIENT_ID: 'gateway',
      SERVICE_CLIENT_SECRET: 'gateway-secret-0123456789',
      REVOCATION_SYNC_INTERVAL_MS: '100',
      RATE_LIMIT_MAX: '100000',
      RATE_LIMIT_AUTH_MAX: '3',
      RATE_LIMIT_BOOKING_MAX: '2',
    });
    await gateway.container.start();
  });
  afterAll(async () => {
    await gateway.close();
    await Promise.all([auth.close(), booking.close(), keys.close()]);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const call = (
    method: 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    options: { token?: string; payload?: object; ip?: string } = {},
  ) =>
    gateway.app.inject({
      method,
      url,
      ...(options.payload ? { payload: options.payload } : {}),
      ...(options.ip ? { remoteAddress: options.ip } : {}),
      headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    });

  describe('a revoked access token', () => {
    /** The bookings list with `token`, and whether the booking service was reached. */
    const listBookings = async (token: string) => {
      const before = booking.hits;
      const response = await call('GET', '/api/bookings', { token });
      return { status: response.statusCode, reachedUpstream: booking.hits > before, response };
    };

    it('is refused by the gateway itself once auth’s feed names the user, and never reaches the service', async () => {
      await expect.poll(() => auth.feedReads, { timeout: 10_000 }).toBeGreaterThan(0);
      const victim = crypto.randomUUID();
      const issuedEarlier = await keys.sign({ sub: victim, iat: now() - 60 });
      const bystander = await keys.sign({ sub: crypto.randomUUID(), iat: now() - 60 });
      expect(await listBookings(issuedEarlier)).toMatchObject({
        status: 200,
        reachedUpstream: true,
      });

      auth.revocations.push({ userId: victim, validAfter: new Date().toISOString() });
      await expect
        .poll(async () => (await listBookings(issuedEarlier)).status, { timeout: 10_000 })
        .toBe(401);
      const refused = await listBookings(issuedEarlier);
      expect(refused).toMatchObject({ status: 401, reachedUpstream: false });
      expect(code(refused.response)).toBe('UNAUTHENTICATED');

      // The user's tokens issued after the revocation, and other users' tokens, still pass.
      const issuedLater = await keys.sign({ sub: victim, iat: now() + 1 });
      expect(await listBookings(issuedLater)).toMatchObject({ status: 200, reachedUpstream: true });
      expect(await listBookings(bystander)).toMatchObject({ status: 200, reachedUpstream: true });
    });

    it('is refused for one revoked session only, the same user’s other sessions passing', async () => {
      const user = crypto.randomUUID();
      const [leaving, staying] = await Promise.all(
        ['session-leaving', 'session-staying'].map((sid) =>
          keys.sign({ sub: user, sid: `${sid}-${user}`, iat: now() - 60 }),
        ),
      );
      expect((await listBookings(leaving!)).status).toBe(200);
      auth.revocations.push({
        userId: user,
        sessionId: `session-leaving-${user}`,
        validAfter: new Date().toISOString(),
      });
      await expect
        .poll(async () => (await listBookings(leaving!)).status, { timeout: 10_000 })
        .toBe(401);
      expect(await listBookings(leaving!)).toMatchObject({ status: 401, reachedUpstream: false });
      expect(await listBookings(staying!)).toMatchObject({ status: 200, reachedUpstream: true });
    });
  });

  it('refuses every protected /api/auth route without a valid token before auth is asked', async () => {
    const id = crypto.randomUUID();
    const protectedRoutes = [
      ['POST', '/api/auth/logout-all'],
      ['POST', '/api/auth/change-password'],
      ['POST', '/api/auth/2fa/enable'],
      ['POST', '/api/auth/2fa/disable'],
      ['GET', '/api/auth/me'],
      ['PATCH', '/api/auth/me'],
      ['GET', '/api/auth/users?role=ADMIN'],
      ['GET', `/api/auth/users/${id}`],
      ['PATCH', `/api/auth/users/${id}/status`],
      ['DELETE', `/api/auth/users/${id}`],
      // Near misses of public routes, and spellings the service would route to a protected one.
      ['GET', '/api/auth/me/'],
      ['GET', '/api/auth/m%65'],
      ['GET', '/api/auth/login'],
      ['POST', '/api/auth/.well-known/jwks.json'],
      ['POST', '/api/auth/register/admin'],
      ['GET', '/api/auth'],
    ] as const;
    const forged = keys.unsigned({ sub: id, role: 'ADMIN' });
    const expired = await keys.sign({
      sub: id,
      role: 'ADMIN',
      iat: now() - 1_000,
      exp: now() - 60,
    });
    const before = auth.hits;
    for (const [method, url] of protectedRoutes) {
      for (const token of [undefined, forged, expired]) {
        const response = await call(method, url, {
          ...(token ? { token } : {}),
          ...(method === 'GET' ? {} : { payload: {} }),
        });
        expect(response.statusCode, `${method} ${url} ${token ? 'bad token' : 'no token'}`).toBe(
          401,
        );
        expect(code(response)).toBe('UNAUTHENTICATED');
      }
    }
    expect((await call('HEAD', '/api/auth/me')).statusCode).toBe(401);
    expect(auth.hits).toBe(before);
    // With a valid token, each is forwarded: the refusals above were the gateway's own.
    const valid = await keys.sign({ sub: id, role: 'ADMIN' });
    for (const [method, url] of protectedRoutes) {
      const response = await call(method, url, {
        token: valid,
        ...(method === 'GET' ? {} : { payload: {} }),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(200);
    }
    expect(auth.hits).toBe(before + protectedRoutes.length);
  });

  it('limits register, verify-email, resend, login, 2FA, forgot and reset per IP and account', async () => {
    const routes = [
      ['/api/auth/register', 'email'],
      ['/api/auth/verify-email', 'email'],
      ['/api/auth/resend-verification', 'email'],
      ['/api/auth/login', 'identifier'],
      ['/api/auth/login/2fa', 'challengeId'],
      ['/api/auth/forgot-password', 'email'],
      ['/api/auth/reset-password', 'email'],
    ] as const;
    for (const [url, field] of routes) {
      const account = `someone-${crypto.randomUUID()}@example.com`;
      const attempt = (value: string, ip?: string) =>
        call('POST', url, { payload: { [field]: value, otp: '123456' }, ...(ip ? { ip } : {}) });
      for (let i = 0; i < 3; i += 1) expect((await attempt(account)).statusCode, url).toBe(200);
      // The same account however it is written: trimmed, any case.
      const limited = await attempt(` ${account.toUpperCase()} `);
      expect(limited.statusCode, url).toBe(429);
      expect(code(limited)).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Another account from the same IP, and the same account from another IP, have their own.
      expect((await attempt(`other-${account}`)).statusCode, url).toBe(200);
      expect((await attempt(account, '198.51.100.7')).statusCode, url).toBe(200);
    }
  });

  it('gives each user behind one IP their own booking quota', async () => {
    const [first, second] = await Promise.all([keys.sign(), keys.sign()]);
    const create = (token: string) =>
      call('POST', '/api/bookings', { token, payload: {}, ip: '203.0.113.50' });
    expect((await create(first)).statusCode).toBe(200);
    expect((await create(first)).statusCode).toBe(200);
    const limited = await create(first);
    expect(limited.statusCode).toBe(429);
    expect(code(limited)).toBe('RATE_LIMITED');
    // Same IP, another user: untouched by the first one's use.
    expect((await create(second)).statusCode).toBe(200);
    expect((await create(second)).statusCode).toBe(200);
    expect((await create(second)).statusCode).toBe(429);
  });
});
