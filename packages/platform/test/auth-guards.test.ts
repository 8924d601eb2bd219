import {
  authenticate,
  createTokenVerifier,
  currentUser,
  requireRole,
  requireServiceToken,
} from '@slotwise/platform/auth';
import { sendError } from '@slotwise/platform/errors';
import { startTestKeys, type TestKeys } from '@slotwise/testkit';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let keys: TestKeys;
let app: FastifyInstance;

beforeAll(async () => {
  keys = await startTestKeys();
  // A service accepts user access tokens (audience 'slotwise') and service tokens minted for it.
  const verifier = createTokenVerifier({
    jwksUrl: keys.jwksUrl,
    issuer: keys.issuer,
    audience: [keys.audience, 'resource'],
  });
  app = Fastify();
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  const whoAmI = (request: Parameters<typeof currentUser>[0]): { id: string; role: string } => {
    const user = currentUser(request);
    return { id: user.id, role: user.role };
  };
  app.get('/me', { preHandler: authenticate(verifier) }, whoAmI);
  app.get('/admin', { preHandler: [authenticate(verifier), requireRole('ADMIN')] }, whoAmI);
  app.get(
    '/vendors',
    { preHandler: [authenticate(verifier), requireRole('VENDOR', 'ADMIN')] },
    whoAmI,
  );
  app.get('/unguarded-admin', { preHandler: requireRole('ADMIN') }, whoAmI);
  app.get('/maybe', { preHandler: authenticate(verifier, { optional: true }) }, (request) => ({
    id: request.user?.id ?? null,
  }));
  app.post(
    '/internal/check',
    { preHandler: requireServiceToken(verifier, { audience: 'resource' }) },
    whoAmI,
  );
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await keys.close();
});

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

describe('authenticate', () => {
  it('refuses a request without a token with 401 in the API envelope', async () => {
    const response = await app.inject({ method: 'GET', url: '/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('sets request.user from a Bearer token', async () => {
    const token = await keys.sign({ sub: 'user-1', role: 'CUSTOMER' });
    const response = await app.inject({ method: 'GET', url: '/me', headers: bearer(token) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: 'user-1', role: 'CUSTOMER' });
  });

  it('reads the accessToken cookie when there is no Authorization header', async () => {
    const token = await keys.sign({ sub: 'user-2' });
    const response = await app.inject({
      method: 'GET',
      url: '/me',
      headers: { cookie: `theme=dark; accessToken=${token}; other=1` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: 'user-2' });
  });

  it('refuses an Authorization header that is not a Bearer token', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/me',
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(response.statusCode).toBe(401);
  });

  it('refuses an expired token', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const token = await keys.sign({ iat: past, exp: past + 900 });
    const response = await app.inject({ method: 'GET', url: '/me', headers: bearer(token) });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { message: 'Access token expired' } });
  });

  it('lets an optional route through without a token, but not with a bad one', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/maybe' });
    expect(anonymous.json()).toEqual({ id: null });
    const bad = await app.inject({ method: 'GET', url: '/maybe', headers: bearer('not-a-jwt') });
    expect(bad.statusCode).toBe(401);
  });
});

describe('requireRole', () => {
  it('lets a listed role through', async () => {
    const token = await keys.sign({ role: 'ADMIN' });
    expect((await app.inject({ url: '/admin', headers: bearer(token) })).statusCode).toBe(200);
    const vendor = await keys.sign({ role: 'VENDOR' });
    expect((await app.inject({ url: '/vendors', headers: bearer(vendor) })).statusCode).toBe(200);
  });

  it('refuses any other role with 403 FORBIDDEN', async () => {
    const token = await keys.sign({ role: 'CUSTOMER' });
    const response = await app.inject({ url: '/admin', headers: bearer(token) });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('answers 401, not 403, when no user was authenticated', async () => {
    const token = await keys.sign({ role: 'ADMIN' });
    const response = await app.inject({ url: '/unguarded-admin', headers: bearer(token) });
    expect(response.statusCode).toBe(401);
  });
});

describe('requireServiceToken', () => {
  const call = (headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/internal/check', headers });

  it('accepts a SERVICE token minted for this service', async () => {
    const token = await keys.sign({ sub: 'booking', role: 'SERVICE', aud: 'resource' });
    const response = await call(bearer(token));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: 'booking', role: 'SERVICE' });
  });

  it('refuses a user token, even an admin one, with 403', async () => {
    const token = await keys.sign({ role: 'ADMIN', aud: 'resource' });
    expect((await call(bearer(token))).statusCode).toBe(403);
  });

  it('refuses a service token minted for another service with 401', async () => {
    const token = await keys.sign({ role: 'SERVICE', aud: keys.audience });
    expect((await call(bearer(token))).statusCode).toBe(401);
  });

  it('ignores the cookie: a service token must come in the Authorization header', async () => {
    const token = await keys.sign({ role: 'SERVICE', aud: 'resource' });
    expect((await call({ cookie: `accessToken=${token}` })).statusCode).toBe(401);
  });
});
