import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  errorCode,
  post,
  signUp,
  startAuth,
  type AuthHarness,
  type SessionBody,
} from './harness.js';

describe('tokens and sessions', () => {
  let auth: AuthHarness;
  let base: string;
  beforeAll(async () => {
    auth = await startAuth({ REFRESH_GRACE_SEC: '2' });
    base = await auth.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await auth.close();
  });

  const refresh = (refreshToken: string) => post(auth.app, '/api/auth/refresh', { refreshToken });
  const me = (accessToken: string) =>
    auth.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(accessToken) });

  it('issues EdDSA access tokens anyone can verify from the JWKS', async () => {
    const { session } = await signUp(auth);
    const jwks = createRemoteJWKSet(new URL(`${base}/api/auth/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(session.accessToken, jwks, {
      issuer: 'slotwise-auth',
      audience: 'slotwise-api',
    });
    expect(protectedHeader.alg).toBe('EdDSA');
    expect(payload).toMatchObject({ sub: session.user.id, role: 'CUSTOMER' });
    expect(payload.jti).toBeTruthy();
    expect(payload.exp! - payload.iat!).toBe(900);
  });

  it('keeps a rotated key in the JWKS while its tokens can live, and signs with the new one', async () => {
    const { session } = await signUp(auth);
    const oldKid = decodeProtectedHeader(session.accessToken).kid;
    const newKid = await auth.container.keys.rotate();
    const jwks = (
      await auth.app.inject({ method: 'GET', url: '/api/auth/.well-known/jwks.json' })
    ).json<{ keys: { kid: string }[] }>();
    expect(jwks.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([oldKid, newKid]));
    expect((await me(session.accessToken)).statusCode).toBe(200);
    const fresh = (await refresh(session.refreshToken)).json<SessionBody>().data;
    expect(decodeProtectedHeader(fresh.accessToken).kid).toBe(newKid);
  });

  it('rotates refresh tokens on every use', async () => {
    const { session } = await signUp(auth);
    const first = await refresh(session.refreshToken);
    expect(first.statusCode).toBe(200);
    const next = first.json<SessionBody>().data;
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect((await refresh(next.refreshToken)).statusCode).toBe(200);
  });

  it('revokes the whole family when a rotated token comes back after the grace period', async () => {
    const { session } = await signUp(auth);
    const rotated = (await refresh(session.refreshToken)).json<SessionBody>().data;
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    const reused = await refresh(session.refreshToken);
    expect(reused.statusCode).toBe(401);
    expect(errorCode(reused)).toBe('REFRESH_TOKEN_REUSED');
    const descendant = await refresh(rotated.refreshToken);
    expect(descendant.statusCode).toBe(401);
    expect(errorCode(descendant)).toBe('INVALID_REFRESH_TOKEN');
  });

  it('gives two concurrent refreshes with one token the same new pair', async () => {
    const { session } = await signUp(auth);
    const [a, b] = await Promise.all([
      refresh(session.refreshToken),
      refresh(session.refreshToken),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json<SessionBody>().data.refreshToken).toBe(b.json<SessionBody>().data.refreshToken);
    expect((await refresh(a.json<SessionBody>().data.refreshToken)).statusCode).toBe(200);
  });

  it('refreshes from the cookie and clears cookies on logout; a logged-out token is dead', async () => {
    const { session } = await signUp(auth);
    const viaCookie = await auth.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { refreshToken: session.refreshToken },
    });
    expect(viaCookie.statusCode).toBe(200);
    const token = viaCookie.json<SessionBody>().data.refreshToken;
    const logout = await post(auth.app, '/api/auth/logout', { refreshToken: token });
    expect(logout.statusCode).toBe(204);
    expect(logout.cookies.map((c) => [c.name, c.value])).toEqual(
      expect.arrayContaining([
        ['accessToken', ''],
        ['refreshToken', ''],
      ]),
    );
    expect(errorCode(await refresh(token))).toBe('INVALID_REFRESH_TOKEN');
    expect(
      (await post(auth.app, '/api/auth/logout', { refreshToken: 'never-issued' })).statusCode,
    ).toBe(204);
  });

  it('ends every session and access token on logout-all', async () => {
    const { who, session } = await signUp(auth);
    const other = (
      await post(auth.app, '/api/auth/login', { identifier: who.email, password: who.password })
    ).json<SessionBody>().data;
    const response = await post(
      auth.app,
      '/api/auth/logout-all',
      undefined,
      bearer(session.accessToken),
    );
    expect(response.statusCode).toBe(204);
    expect(errorCode(await refresh(session.refreshToken))).toBe('INVALID_REFRESH_TOKEN');
    expect(errorCode(await refresh(other.refreshToken))).toBe('INVALID_REFRESH_TOKEN');
    expect((await me(other.accessToken)).statusCode).toBe(401);
    const again = (
      await post(auth.app, '/api/auth/login', { identifier: who.email, password: who.password })
    ).json<SessionBody>().data;
    expect((await me(again.accessToken)).statusCode).toBe(200);
  });

  it('serves many concurrent refreshes on a small pool while the key cache keeps expiring', async () => {
    // Signing happens inside the refresh transaction; a key reload that needed a pool connection
    // there could wait for a connection those same transactions hold.
    const small = await startAuth({ DATABASE_POOL_MAX: '3', SIGNING_KEY_CACHE_MS: '1' });
    try {
      const sessions = await Promise.all(Array.from({ length: 4 }, () => signUp(small)));
      const tokens: string[] = [];
      for (const { who } of sessions) {
        for (let i = 0; i < 5; i += 1) {
          const login = await post(small.app, '/api/auth/login', {
            identifier: who.email,
            password: who.password,
          });
          tokens.push(login.json<SessionBody>().data.refreshToken);
        }
      }
      const started = performance.now();
      const responses = await Promise.all(
        tokens.map((refreshToken) => post(small.app, '/api/auth/refresh', { refreshToken })),
      );
      expect(responses.map((r) => r.statusCode)).toEqual(Array(tokens.length).fill(200));
      expect(performance.now() - started).toBeLessThan(2_500);
    } finally {
      await small.close();
    }
  });

  it('refuses a refresh token past its absolute lifetime, rotations or not', async () => {
    const { session } = await signUp(auth);
    const next = (await refresh(session.refreshToken)).json<SessionBody>().data;
    await auth.container.pool.query(
      `UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [session.user.id],
    );
    expect(errorCode(await refresh(next.refreshToken))).toBe('INVALID_REFRESH_TOKEN');
  });

  it('refuses tokens that are not access tokens of a live account', async () => {
    expect((await me('not-a-token')).statusCode).toBe(401);
    expect((await auth.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const { data } = (
      await post(auth.app, '/internal/service-token', {
        clientId: 'booking',
        clientSecret: 'booking-secret-0123456789',
        audience: 'auth',
      })
    ).json<{ data: { accessToken: string } }>();
    expect((await me(data.accessToken)).statusCode).toBe(401);
  });
});
