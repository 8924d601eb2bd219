import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  errorCode,
  person,
  post,
  signUp,
  startAuth,
  type AuthHarness,
  type SessionBody,
} from './harness.js';

describe('login', () => {
  let auth: AuthHarness;
  beforeAll(async () => {
    auth = await startAuth({ LOGIN_LOCKOUT_BASE_SEC: '60', BCRYPT_COST: '8' });
  });
  afterAll(async () => {
    await auth.close();
  });

  it('signs in by email or username, case-insensitively, and records the time', async () => {
    const { who } = await signUp(auth);
    for (const identifier of [who.email, who.username.toUpperCase()]) {
      const response = await post(auth.app, '/api/auth/login', {
        identifier,
        password: who.password,
      });
      expect(response.statusCode).toBe(200);
      const body = response.json<SessionBody>().data;
      expect(body.user).toMatchObject({ status: 'ACTIVE' });
      expect(body.accessToken.split('.')).toHaveLength(3);
      const me = await auth.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: bearer(body.accessToken),
      });
      expect(me.json<{ data: { lastLoginAt: string } }>().data.lastLoginAt).not.toBeNull();
    }
  });

  it('answers an unknown identifier exactly like a wrong password, in about the same time', async () => {
    const { who } = await signUp(auth);
    const time = async (identifier: string, password: string) => {
      const started = performance.now();
      const response = await post(auth.app, '/api/auth/login', { identifier, password });
      return { response, ms: performance.now() - started };
    };
    // Warm up both paths, then compare medians.
    await time('nobody@example.com', 'whatever1');
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const a = await time(who.email, 'wrong password');
      const b = await time(`nobody-${i}@example.com`, 'wrong password');
      expect(a.response.statusCode).toBe(401);
      expect(b.response.statusCode).toBe(401);
      const strip = (body: string) => body.replace(/"requestId":"[^"]+"/, '');
      expect(strip(a.response.body)).toBe(strip(b.response.body));
      wrong.push(a.ms);
      unknown.push(b.ms);
    }
    const median = (values: number[]) => values.sort((x, y) => x - y)[2]!;
    // Both spend one bcrypt verification (cost 8 here, about 15 ms): within a few ms of each other.
    expect(Math.abs(median(wrong) - median(unknown))).toBeLessThan(
      Math.max(8, median(wrong) * 0.5),
    );
  });

  it('refuses an unverified account with EMAIL_NOT_VERIFIED and a suspended one with ACCOUNT_SUSPENDED', async () => {
    const pending = person();
    await post(auth.app, '/api/auth/register', pending);
    const unverified = await post(auth.app, '/api/auth/login', {
      identifier: pending.email,
      password: pending.password,
    });
    expect(unverified.statusCode).toBe(403);
    expect(errorCode(unverified)).toBe('EMAIL_NOT_VERIFIED');

    const { who, session } = await signUp(auth);
    await auth.container.pool.query(`UPDATE users SET status = 'SUSPENDED' WHERE id = $1`, [
      session.user.id,
    ]);
    const suspended = await post(auth.app, '/api/auth/login', {
      identifier: who.email,
      password: who.password,
    });
    expect(suspended.statusCode).toBe(403);
    expect(errorCode(suspended)).toBe('ACCOUNT_SUSPENDED');
  });

  it('locks an account after ten failures in the window, whatever the IP, for a cool-down that doubles', async () => {
    const { who } = await signUp(auth);
    const attempt = (password: string, ip: string) =>
      auth.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { identifier: who.email, password },
        remoteAddress: ip,
      });
    for (let i = 0; i < 10; i += 1) {
      expect((await attempt('wrong password', `10.0.0.${i}`)).statusCode).toBe(401);
    }
    const locked = await attempt(who.password, '10.0.1.1');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(55);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(60);

    // The cool-down ends; ten more failures lock it for twice as long.
    await auth.container.pool.query(
      `UPDATE login_throttles SET locked_until = now() WHERE key LIKE 'user:%'`,
    );
    for (let i = 0; i < 10; i += 1) await attempt('wrong password', '10.0.2.1');
    const second = await attempt(who.password, '10.0.2.2');
    expect(second.statusCode).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(115);
  });

  it('locks a made-up identifier the same way, so lockouts reveal nothing', async () => {
    for (let i = 0; i < 10; i += 1) {
      await post(auth.app, '/api/auth/login', {
        identifier: 'ghost@example.com',
        password: 'wrong password',
      });
    }
    const locked = await post(auth.app, '/api/auth/login', {
      identifier: 'ghost@example.com',
      password: 'x'.repeat(8),
    });
    expect(locked.statusCode).toBe(429);
  });

  it('asks for an emailed code when 2FA is on, and signs in with it', async () => {
    const { who, session } = await signUp(auth);
    const enabled = await post(
      auth.app,
      '/api/auth/2fa/enable',
      { password: who.password },
      bearer(session.accessToken),
    );
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json<{ data: { twoFactorEnabled: boolean } }>().data.twoFactorEnabled).toBe(
      true,
    );

    const login = await post(auth.app, '/api/auth/login', {
      identifier: who.email,
      password: who.password,
    });
    expect(login.statusCode).toBe(200);
    const { twoFactorRequired, challengeId } = login.json<{
      data: { twoFactorRequired: boolean; challengeId: string };
    }>().data;
    expect(twoFactorRequired).toBe(true);
    expect(login.cookies).toHaveLength(0);
    const otp = await auth.codeFor(who.email, 'TWO_FACTOR_AUTH');

    const wrong = await post(auth.app, '/api/auth/login/2fa', {
      challengeId,
      otp: otp === '999999' ? '000000' : '999999',
    });
    expect(errorCode(wrong)).toBe('INVALID_OTP');
    const done = await post(auth.app, '/api/auth/login/2fa', { challengeId, otp });
    expect(done.statusCode).toBe(200);
    expect(done.json<SessionBody>().data.accessToken).toBeTruthy();
    const replay = await post(auth.app, '/api/auth/login/2fa', { challengeId, otp });
    expect(replay.statusCode).toBe(400);

    const disabled = await post(
      auth.app,
      '/api/auth/2fa/disable',
      { password: 'wrong password' },
      bearer(session.accessToken),
    );
    expect(disabled.statusCode).toBe(401);
    const unknownChallenge = await post(auth.app, '/api/auth/login/2fa', {
      challengeId: crypto.randomUUID(),
      otp: '123456',
    });
    expect(errorCode(unknownChallenge)).toBe('INVALID_CHALLENGE');
  });
});
