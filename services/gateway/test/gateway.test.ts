import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { connect } from 'node:net';
import { setTimeout } from 'node:timers/promises';
import { createHttpApp, type HttpApp } from '@slotwise/platform/http';
import { createLogger } from '@slotwise/platform/logger';
import { startTestKeys, type TestKeys } from '@slotwise/testkit';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from './harness.js';
import { deadUrl, startEchoUpstream, type EchoUpstream } from './upstreams.js';

interface Echo {
  data: {
    service: string;
    instance: string;
    method: string;
    url: string;
    headers: Record<string, string>;
    body: string;
  };
}

/** A real platform service as the business upstream, to see its 4xx come through the gateway. */
async function startPlatformUpstream(): Promise<{ app: HttpApp; url: string }> {
  const app = await createHttpApp({
    service: 'business',
    logger: createLogger({ service: 'business', level: 'silent' }),
  });
  app.post(
    '/api/businesses',
    { schema: { body: z.strictObject({ name: z.string().min(1) }) } },
    async (request, reply) => reply.status(201).send({ data: request.body }),
  );
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}

describe('gateway', () => {
  let keys: TestKeys;
  let auth: EchoUpstream;
  let resourceA: EchoUpstream;
  let resourceB: EchoUpstream;
  let booking: EchoUpstream;
  let business: { app: HttpApp; url: string };
  let gateway: Gateway;
  let token: string;

  beforeAll(async () => {
    keys = await startTestKeys({ issuer: 'slotwise-auth', audience: 'slotwise-api' });
    [auth, resourceA, resourceB, booking] = await Promise.all([
      startEchoUpstream('auth'),
      startEchoUpstream('resources'),
      startEchoUpstream('resources'),
      startEchoUpstream('bookings'),
    ]);
    business = await startPlatformUpstream();
    gateway = await startGateway({
      AUTH_SERVICE_URL: auth.url,
      AUTH_JWKS_URL: keys.jwksUrl,
      BUSINESS_SERVICE_URL: business.url,
      RESOURCE_SERVICE_URL: `${resourceA.url},${resourceB.url}`,
      BOOKING_SERVICE_URL: booking.url,
      UPSTREAM_TIMEOUT_MS: '800',
      RATE_LIMIT_MAX: '100000',
      RATE_LIMIT_AUTH_MAX: '3',
      RATE_LIMIT_BOOKING_MAX: '2',
    });
    token = await keys.sign({ sub: '11111111-1111-4111-8111-111111111111', role: 'CUSTOMER' });
  });

  afterAll(async () => {
    await gateway.close();
    await Promise.all([auth.close(), resourceA.close(), resourceB.close(), booking.close()]);
    await business.app.close();
    await keys.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    gateway.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${token}`, ...headers },
    });

  it('routes each prefix to its upstream, with path, query and request id', async () => {
    for (const [path, service] of [
      ['/api/auth/me', 'auth'],
      ['/api/resources/r1?limit=5', 'resources'],
      ['/api/bookings', 'bookings'],
    ] as const) {
      const response = await get(path, { 'x-request-id': `rid-${service}` });
      expect(response.statusCode).toBe(200);
      const echo = response.json<Echo>().data;
      expect(echo.service).toBe(service);
      expect(echo.url).toBe(path);
      expect(echo.headers['x-request-id']).toBe(`rid-${service}`);
      expect(echo.headers.authorization).toBe(`Bearer ${token}`);
      expect(response.headers['x-request-id']).toBe(`rid-${service}`);
    }
    const created = await gateway.app.inject({
      method: 'POST',
      url: '/api/businesses',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'Hotel' },
    });
    expect(created.statusCode).toBe(201);
  });

  it('passes every Set-Cookie header back', async () => {
    const response = await get('/api/auth/me');
    expect(response.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  });

  it('lets public routes through without a token', async () => {
    const login = await gateway.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { identifier: 'public@x.io', password: 'whatever1' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json<Echo>().data.body).toContain('public@x.io');
    const jwks = await gateway.app.inject({
      method: 'GET',
      url: '/api/auth/.well-known/jwks.json',
    });
    expect(jwks.statusCode).toBe(200);
  });

  it('lets anyone read the catalog, but still checks a token that comes along', async () => {
    const id = crypto.randomUUID();
    for (const url of [
      '/api/businesses?type=CLINIC',
      `/api/businesses/${id}`,
      `/api/businesses/${id}/schedule`,
      '/api/resources?search=desk',
      `/api/resources/${id}`,
      `/api/resources/${id}/schedule`,
      '/api/resources/categories',
      `/api/resources/categories/${id}`,
      `/api/bookings/availability?resourceId=${id}`,
    ]) {
      // Through to the upstream (the business upstream here is a real service with few routes).
      const anonymous = await gateway.app.inject({ method: 'GET', url });
      expect([200, 404], url).toContain(anonymous.statusCode);
      const answer =
        anonymous.statusCode === 200
          ? anonymous.json<Echo>().data.headers.authorization
          : anonymous.json<{ error: { code: string } }>().error.code;
      expect(answer, url).toBe(anonymous.statusCode === 200 ? undefined : 'NOT_FOUND');
      const forged = await gateway.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${keys.unsigned({ sub: id, role: 'ADMIN' })}` },
      });
      expect(forged.statusCode, url).toBe(401);
    }
    // Everything else in those services still needs a token: writes, the vendor's own business,
    // stats, bookings.
    for (const [method, url] of [
      ['POST', '/api/businesses'],
      ['GET', '/api/businesses/me'],
      ['PUT', `/api/businesses/${id}/schedule`],
      ['DELETE', `/api/resources/${id}/schedule`],
      ['GET', '/api/resources/stats'],
      ['POST', '/api/resources/bulk'],
      ['PATCH', `/api/resources/${id}`],
      ['GET', '/api/bookings'],
      ['GET', `/api/bookings/${id}`],
      ['POST', `/api/bookings/${id}/reschedule`],
    ] as const) {
      const response = await gateway.app.inject({
        method,
        url,
        payload: method === 'GET' ? undefined : {},
      });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('accepts the token from the accessToken cookie and forwards it as a bearer token', async () => {
    const response = await gateway.app.inject({
      method: 'GET',
      url: '/api/bookings',
      cookies: { accessToken: token },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<Echo>().data.headers.authorization).toBe(`Bearer ${token}`);
  });

  describe('refuses bad tokens with 401 in the envelope', () => {
    /** An ADMIN token signed HS256 with a secret made from the JWKS's published key. */
    const hs256 = async (secretOf: (jwk: { x: string }) => Buffer): Promise<string> => {
      const { keys: published } = (await (await fetch(keys.jwksUrl)).json()) as {
        keys: { x: string }[];
      };
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const input = `${encode({ alg: 'HS256', typ: 'JWT', kid: keys.kid })}.${encode({
        sub: '11111111-1111-4111-8111-111111111111',
        role: 'ADMIN',
        iss: keys.issuer,
        aud: keys.audience,
        iat: now,
        exp: now + 600,
      })}`;
      const signature = createHmac('sha256', secretOf(published[0]!)).update(input);
      return `${input}.${signature.digest('base64url')}`;
    };
    const cases: [string, () => Promise<Record<string, string>>][] = [
      ['missing', async () => ({})],
      ['not a bearer header', async () => ({ authorization: 'Basic dXNlcjpwYXNz' })],
      ['garbage', async () => ({ authorization: 'Bearer not.a.jwt' })],
      [
        'expired',
        async () => ({
          authorization: `Bearer ${await keys.sign({ sub: 'u1', role: 'CUSTOMER', exp: Math.floor(Date.now() / 1000) - 60, iat: Math.floor(Date.now() / 1000) - 1000 })}`,
        }),
      ],
      [
        'tampered',
        async () => {
          const [header, payload, signature] = token.split('.');
          const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<
            string,
            unknown
          >;
          const forged = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString(
            'base64url',
          );
          return { authorization: `Bearer ${header}.${forged}.${signature}` };
        },
      ],
      [
        'signed by another key',
        async () => ({
          authorization: `Bearer ${await keys.signWithForeignKey({ sub: 'u1', role: 'ADMIN' })}`,
        }),
      ],
      [
        'alg none',
        async () => ({ authorization: `Bearer ${keys.unsigned({ sub: 'u1', role: 'ADMIN' })}` }),
      ],
      [
        'wrong audience',
        async () => ({
          authorization: `Bearer ${await keys.sign({ sub: 'u1', role: 'CUSTOMER', aud: 'someone-else' })}`,
        }),
      ],
      [
        'wrong issuer',
        async () => ({
          authorization: `Bearer ${await keys.sign({ sub: 'u1', role: 'CUSTOMER', iss: 'evil' })}`,
        }),
      ],
      [
        'signature stripped',
        async () => ({ authorization: `Bearer ${token.split('.').slice(0, 2).join('.')}.` }),
      ],
      // The classic confusion: a verifier that took the algorithm from the token would check this
      // HMAC with the published key and accept it.
      [
        'HS256 keyed with the published key’s bytes',
        async () => ({
          authorization: `Bearer ${await hs256((jwk) => Buffer.from(jwk.x, 'base64url'))}`,
        }),
      ],
      [
        'HS256 keyed with the published JWK',
        async () => ({
          authorization: `Bearer ${await hs256((jwk) => Buffer.from(JSON.stringify(jwk)))}`,
        }),
      ],
      [
        'not yet valid',
        async () => ({
          authorization: `Bearer ${await keys.sign({ sub: 'u1', role: 'CUSTOMER', nbf: Math.floor(Date.now() / 1000) + 600 })}`,
        }),
      ],
      [
        'an unknown kid',
        async () => ({
          authorization: `Bearer ${await keys.sign({ sub: 'u1', role: 'CUSTOMER' }, { header: { kid: 'no-such-key' } })}`,
        }),
      ],
      [
        'no subject',
        async () => ({
          authorization: `Bearer ${await keys.sign({ sub: undefined, role: 'ADMIN' })}`,
        }),
      ],
    ];
    it.each(cases)('%s', async (_name, headers) => {
      const before = booking.hits;
      const response = await gateway.app.inject({
        method: 'GET',
        url: '/api/bookings',
        headers: await headers(),
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({
        error: {
          code: 'UNAUTHENTICATED',
          message: expect.any(String),
          requestId: expect.any(String),
        },
      });
      expect(booking.hits).toBe(before);
    });
  });

  it('does not reach internal routes or escape a prefix', async () => {
    for (const url of [
      '/internal/businesses/x',
      '/api/auth/../internal/service-token',
      '/api/auth/%2e%2e/internal/x',
      '/api/auth/..%2finternal',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
    }
  });

  it('spreads requests over two instances and skips one that is down', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 6; i += 1)
      seen.add((await get('/api/resources')).json<Echo>().data.instance);
    expect(seen).toEqual(new Set([resourceA.url, resourceB.url]));

    const dead = await deadUrl();
    const two = await startGateway({
      AUTH_SERVICE_URL: auth.url,
      AUTH_JWKS_URL: keys.jwksUrl,
      RESOURCE_SERVICE_URL: `${dead},${resourceA.url}`,
    });
    try {
      for (let i = 0; i < 4; i += 1) {
        const response = await two.app.inject({
          method: i % 2 ? 'GET' : 'POST',
          url: '/api/resources',
          headers: { authorization: `Bearer ${token}` },
          payload: i % 2 ? undefined : { name: 'desk' },
        });
        expect(response.statusCode).toBe(200);
        expect(response.json<Echo>().data.instance).toBe(resourceA.url);
      }
    } finally {
      await two.close();
    }
  });

  it('answers 503 fast when an upstream is down, and within the timeout when it hangs', async () => {
    const down = await startGateway({
      AUTH_SERVICE_URL: auth.url,
      AUTH_JWKS_URL: keys.jwksUrl,
      BOOKING_SERVICE_URL: await deadUrl(),
      RESOURCE_SERVICE_URL: resourceA.url,
      UPSTREAM_TIMEOUT_MS: '700',
    });
    try {
      let started = performance.now();
      const refused = await down.app.inject({
        method: 'GET',
        url: '/api/bookings',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBeDefined();
      expect(refused.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
      expect(refused.body).not.toContain('127.0.0.1');
      expect(performance.now() - started).toBeLessThan(2_000);

      resourceA.mode = 'hang';
      started = performance.now();
      const hung = await down.app.inject({
        method: 'POST',
        url: '/api/resources',
        headers: { authorization: `Bearer ${token}` },
        payload: {},
      });
      expect(hung.statusCode).toBe(503);
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      resourceA.mode = 'up';
      await down.close();
    }
  });

  it('lets a client hang up before or during the answer without a warning, and stays up', async () => {
    const logLines: string[] = [];
    const slow = await startEchoUpstream('bookings');
    slow.mode = 'slow';
    const quiet = await startGateway(
      { AUTH_SERVICE_URL: auth.url, AUTH_JWKS_URL: keys.jwksUrl, BOOKING_SERVICE_URL: slow.url },
      logLines,
    );
    try {
      const address = await quiet.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = new URL(address);
      logLines.length = 0; // what it said while starting is not the point here
      // Hang up while the gateway waits for the upstream (100 ms), then during its body (450 ms).
      for (const hangUpAfterMs of [100, 450]) {
        const socket = connect({ port: Number(port), host: '127.0.0.1' });
        await once(socket, 'connect');
        socket.write(
          `GET /api/bookings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n\r\n`,
        );
        await setTimeout(hangUpAfterMs);
        socket.destroy();
      }
      const entries = () =>
        logLines.map(
          (line) => JSON.parse(line) as { level: string; msg: string; requestId: string },
        );
      // Each of the two requests says how it ended (the first: 'client gone before the answer').
      await expect
        .poll(() => new Set(entries().map((entry) => entry.requestId)).size, { timeout: 10_000 })
        .toBe(2);
      expect(entries().map((entry) => entry.msg)).toContain('client gone before the answer');
      // And the next request is answered as usual.
      slow.mode = 'up';
      const after = await fetch(`${address}/api/bookings`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(after.status).toBe(200);
      const complaints = entries().filter(
        (entry) => entry.level === 'warn' || entry.level === 'error',
      );
      expect(complaints).toEqual([]);
    } finally {
      await quiet.close();
      await slow.close();
    }
  });

  it('answers the payment routes with 503 while the payment service is not deployed', async () => {
    const response = await get('/api/payments');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('limits login attempts per IP and account with 429 and Retry-After', async () => {
    const attempt = (identifier: string) =>
      gateway.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { identifier, password: 'x'.repeat(8) },
      });
    for (let i = 0; i < 3; i += 1) expect((await attempt('victim@x.io')).statusCode).toBe(200);
    const limited = await attempt('VICTIM@x.io');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect((await attempt('someone-else@x.io')).statusCode).toBe(200);
  });

  it('limits booking creation per user', async () => {
    const other = await keys.sign({
      sub: '22222222-2222-4222-8222-222222222222',
      role: 'CUSTOMER',
    });
    const create = (bearer: string) =>
      gateway.app.inject({
        method: 'POST',
        url: '/api/bookings',
        headers: { authorization: `Bearer ${bearer}` },
        payload: {},
      });
    expect((await create(other)).statusCode).toBe(200);
    expect((await create(other)).statusCode).toBe(200);
    expect((await create(other)).statusCode).toBe(429);
    expect((await get('/api/bookings')).statusCode).toBe(200);
  });

  it('limits everything per IP', async () => {
    const tight = await startGateway({
      AUTH_SERVICE_URL: auth.url,
      AUTH_JWKS_URL: keys.jwksUrl,
      RATE_LIMIT_MAX: '2',
    });
    try {
      const call = () =>
        tight.app.inject({ method: 'GET', url: '/api/auth/.well-known/jwks.json' });
      expect((await call()).statusCode).toBe(200);
      expect((await call()).statusCode).toBe(200);
      expect((await call()).statusCode).toBe(429);
    } finally {
      await tight.close();
    }
  });

  it('gives malformed JSON, huge bodies and wrong content types their 4xx', async () => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const malformed = await gateway.app.inject({
      method: 'POST',
      url: '/api/businesses',
      headers,
      payload: '{"name":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'VALIDATION_ERROR' } });
    const unknownField = await gateway.app.inject({
      method: 'POST',
      url: '/api/businesses',
      headers,
      payload: { name: 'a', ownerId: 'me' },
    });
    expect(unknownField.statusCode).toBe(400);
    const huge = await gateway.app.inject({
      method: 'POST',
      url: '/api/businesses',
      headers,
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    const text = await gateway.app.inject({
      method: 'POST',
      url: '/api/businesses',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      payload: 'name=a',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('aggregates the upstreams readiness in /health, 503 when one is down', async () => {
    const ok = await gateway.app.inject({ method: 'GET', url: '/health' });
    expect(ok.statusCode).toBe(200);
    const body = ok.json<{
      status: string;
      services: Record<string, { status: string; latencyMs: number }>;
    }>();
    expect(Object.keys(body.services).sort()).toEqual(['auth', 'booking', 'business', 'resource']);
    expect(body.services.auth).toEqual({ status: 'ok', latencyMs: expect.any(Number) });
    booking.mode = 'fail';
    try {
      const down = await gateway.app.inject({ method: 'GET', url: '/health' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({
        status: 'down',
        services: { booking: { status: 'down' } },
      });
    } finally {
      booking.mode = 'up';
    }
  });

  it('serves one merged OpenAPI document without internal routes, and Swagger UI', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/auth/things', '/api/resources/things', '/api/businesses']),
    );
    expect(Object.keys(document.paths)).not.toContain('/internal/secret');
    expect(document.components.schemas).toHaveProperty('authThing');
    const ui = await gateway.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
    const uiJson = await gateway.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(uiJson.statusCode, uiJson.body).toBe(200);
    expect(Object.keys(uiJson.json<{ paths: object }>().paths)).toContain('/api/auth/things');
  });

  it('answers CORS preflights for allowed origins only', async () => {
    const cors = await startGateway({
      AUTH_SERVICE_URL: auth.url,
      AUTH_JWKS_URL: keys.jwksUrl,
      CORS_ORIGINS: 'https://app.example.com',
    });
    try {
      const preflight = (origin: string) =>
        cors.app.inject({
          method: 'OPTIONS',
          url: '/api/bookings',
          headers: { origin, 'access-control-request-method': 'POST' },
        });
      const allowed = await preflight('https://app.example.com');
      expect(allowed.statusCode).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
      expect(allowed.headers['access-control-allow-credentials']).toBe('true');
      const other = await preflight('https://evil.example.com');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await cors.close();
    }
  });

  it('sets security headers on proxied responses', async () => {
    const response = await get('/api/bookings');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBeDefined();
    expect(response.headers['strict-transport-security']).toBeDefined();
  });

  it('serves metrics to loopback clients only', async () => {
    const local = await gateway.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '127.0.0.1',
    });
    expect(local.statusCode).toBe(200);
    const remote = await gateway.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '203.0.113.9',
    });
    expect(remote.statusCode).toBe(404);
  });
});
