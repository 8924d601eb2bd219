import { createTokenVerifier } from '@slotwise/platform/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  bearer,
  errorCode,
  post,
  signUp,
  startAuth,
  type AuthHarness,
  type SessionBody,
} from './harness.js';

describe('internal routes', () => {
  let auth: AuthHarness;
  let base: string;
  beforeAll(async () => {
    auth = await startAuth();
    base = await auth.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await auth.close();
  });

  const serviceToken = (clientId: string, clientSecret: string, audience: string) =>
    post(auth.app, '/internal/service-token', { clientId, clientSecret, audience });

  it('issues a short-lived SERVICE token for a known client and audience', async () => {
    const response = await serviceToken('booking', 'booking-secret-0123456789', 'resource');
    expect(response.statusCode).toBe(200);
    const { accessToken, expiresIn } = response.json<{
      data: { accessToken: string; expiresIn: number };
    }>().data;
    expect(expiresIn).toBe(300);
    const verifier = createTokenVerifier({
      jwksUrl: `${base}/api/auth/.well-known/jwks.json`,
      issuer: 'slotwise-auth',
      audience: 'resource',
    });
    expect(await verifier.verify(accessToken)).toMatchObject({
      role: 'SERVICE',
      userId: 'service:booking',
    });
  });

  it('refuses a wrong secret, an unknown client and an unknown audience alike', async () => {
    for (const [id, secret, audience] of [
      ['booking', 'wrong-secret-0123456789', 'resource'],
      ['stranger', 'booking-secret-0123456789', 'resource'],
      ['booking', 'booking-secret-0123456789', 'bank'],
    ] as const) {
      const response = await serviceToken(id, secret, audience);
      expect(response.statusCode).toBe(401);
      expect(errorCode(response)).toBe('INVALID_CLIENT');
    }
  });

  it('serves the revocation feed to service tokens only', async () => {
    const token = (await serviceToken('resource', 'resource-secret-0123456789', 'auth')).json<{
      data: { accessToken: string };
    }>().data.accessToken;
    const feed = await auth.app.inject({
      method: 'GET',
      url: '/internal/token-revocations',
      headers: bearer(token),
    });
    expect(feed.statusCode).toBe(200);

    const { session } = await signUp(auth);
    expect(
      (
        await auth.app.inject({
          method: 'GET',
          url: '/internal/token-revocations',
          headers: bearer(session.accessToken),
        })
      ).statusCode,
    ).toBe(401);
    const admin = (
      await post(auth.app, '/api/auth/login', { identifier: ADMIN.email, password: ADMIN.password })
    ).json<SessionBody>().data;
    expect(
      (
        await auth.app.inject({
          method: 'GET',
          url: '/internal/token-revocations',
          headers: bearer(admin.accessToken),
        })
      ).statusCode,
    ).toBe(401);
    const wrongAudience = (
      await serviceToken('resource', 'resource-secret-0123456789', 'booking')
    ).json<{ data: { accessToken: string } }>().data.accessToken;
    expect(
      (
        await auth.app.inject({
          method: 'GET',
          url: '/internal/token-revocations',
          headers: bearer(wrongAudience),
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (await auth.app.inject({ method: 'GET', url: '/internal/token-revocations' })).statusCode,
    ).toBe(401);
  });
});
