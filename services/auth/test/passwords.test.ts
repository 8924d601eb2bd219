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

describe('passwords', () => {
  let auth: AuthHarness;
  beforeAll(async () => {
    auth = await startAuth({ ENUMERATION_FLOOR_MS: '120' });
  });
  afterAll(async () => {
    await auth.close();
  });

  const login = (identifier: string, password: string) =>
    post(auth.app, '/api/auth/login', { identifier, password });
  const me = (token: string) =>
    auth.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });

  it('answers forgot-password identically, in about the same time, for known and unknown emails', async () => {
    const { who } = await signUp(auth);
    const timed = async (email: string) => {
      const started = performance.now();
      const response = await post(auth.app, '/api/auth/forgot-password', { email });
      return { response, ms: performance.now() - started };
    };
    const known = await timed(who.email);
    const unknown = await timed('nobody-here@example.com');
    expect(known.response.statusCode).toBe(202);
    expect(unknown.response.statusCode).toBe(202);
    expect(known.response.body).toBe(unknown.response.body);
    // Both wait out the floor (120 ms), which hides the extra work done for a real account.
    expect(known.ms).toBeGreaterThanOrEqual(115);
    expect(unknown.ms).toBeGreaterThanOrEqual(115);
    expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(60);
    await auth.codeFor(who.email, 'PASSWORD_RESET');
  });

  it('refuses a wrong verify-email or reset-password code identically, after the floor, for known and unknown emails', async () => {
    const { who } = await signUp(auth);
    const pending = `pending-${Date.now()}@example.com`;
    expect(
      (
        await post(auth.app, '/api/auth/register', {
          email: pending,
          username: `pending_${Date.now()}`,
          password: 'a long enough password',
        })
      ).statusCode,
    ).toBe(201);
    const timed = async (path: string, body: object) => {
      const started = performance.now();
      const response = await post(auth.app, path, body);
      return { response, ms: performance.now() - started };
    };
    const cases = [
      ['/api/auth/verify-email', { email: pending, otp: '000000' }],
      ['/api/auth/verify-email', { email: 'nobody-here@example.com', otp: '000000' }],
      [
        '/api/auth/reset-password',
        { email: who.email, otp: '000000', newPassword: 'a brand new password' },
      ],
      [
        '/api/auth/reset-password',
        { email: 'nobody-here@example.com', otp: '000000', newPassword: 'a brand new password' },
      ],
    ] as const;
    const answers: Awaited<ReturnType<typeof timed>>[] = [];
    for (const [path, body] of cases) answers.push(await timed(path, body));
    for (const { response, ms } of answers) {
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe('INVALID_OTP');
      // Every refusal waits out the floor (120 ms): a real account's extra work does not show.
      expect(ms).toBeGreaterThanOrEqual(115);
    }
    const message = (i: number) =>
      answers[i]!.response.json<{ error: { message: string } }>().error.message;
    expect(message(0)).toBe(message(1));
    expect(message(2)).toBe(message(3));
  });

  it('resets the password with the code, ending every session and access token', async () => {
    const { who, session } = await signUp(auth);
    const second = (await login(who.email, who.password)).json<SessionBody>().data;
    await post(auth.app, '/api/auth/forgot-password', { email: who.email });
    const otp = await auth.codeFor(who.email, 'PASSWORD_RESET');

    const wrongCode = await post(auth.app, '/api/auth/reset-password', {
      email: who.email,
      otp: otp === '123456' ? '654321' : '123456',
      newPassword: 'a brand new password',
    });
    expect(errorCode(wrongCode)).toBe('INVALID_OTP');
    const reset = await post(auth.app, '/api/auth/reset-password', {
      email: who.email,
      otp,
      newPassword: 'a brand new password',
    });
    expect(reset.statusCode).toBe(200);

    for (const old of [session, second]) {
      expect(
        errorCode(await post(auth.app, '/api/auth/refresh', { refreshToken: old.refreshToken })),
      ).toBe('INVALID_REFRESH_TOKEN');
      expect((await me(old.accessToken)).statusCode).toBe(401);
    }
    expect((await login(who.email, who.password)).statusCode).toBe(401);
    const fresh = await login(who.email, 'a brand new password');
    expect(fresh.statusCode).toBe(200);
    expect((await me(fresh.json<SessionBody>().data.accessToken)).statusCode).toBe(200);
    const reused = await post(auth.app, '/api/auth/reset-password', {
      email: who.email,
      otp,
      newPassword: 'yet another one',
    });
    expect(errorCode(reused)).toBe('INVALID_OTP');
  });

  it('refuses a reset for an unknown email with the same error as a wrong code', async () => {
    const response = await post(auth.app, '/api/auth/reset-password', {
      email: 'nobody-at-all@example.com',
      otp: '123456',
      newPassword: 'whatever password',
    });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('INVALID_OTP');
  });

  it('changes the password, keeping this session and ending the others', async () => {
    const { who, session } = await signUp(auth);
    const other = (await login(who.email, who.password)).json<SessionBody>().data;
    const wrong = await post(
      auth.app,
      '/api/auth/change-password',
      { currentPassword: 'not it at all', newPassword: 'new password 1' },
      bearer(session.accessToken),
    );
    expect(wrong.statusCode).toBe(401);
    const changed = await post(
      auth.app,
      '/api/auth/change-password',
      { currentPassword: who.password, newPassword: 'new password 1' },
      bearer(session.accessToken),
    );
    expect(changed.statusCode).toBe(200);
    expect(
      (await post(auth.app, '/api/auth/refresh', { refreshToken: session.refreshToken }))
        .statusCode,
    ).toBe(200);
    expect(
      errorCode(await post(auth.app, '/api/auth/refresh', { refreshToken: other.refreshToken })),
    ).toBe('INVALID_REFRESH_TOKEN');
    expect((await login(who.email, 'new password 1')).statusCode).toBe(200);
  });

  it('edits the profile but nothing else about the account', async () => {
    const { session } = await signUp(auth);
    const patch = (payload: object) =>
      auth.app.inject({
        method: 'PATCH',
        url: '/api/auth/me',
        payload,
        headers: bearer(session.accessToken),
      });
    const ok = await patch({ firstName: 'Ada', lastName: 'Lovelace', phone: '+44 20 7946 0000' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ data: object }>().data).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    for (const body of [
      { role: 'ADMIN' },
      { status: 'ACTIVE' },
      { email: 'x@y.z' },
      { isEmailVerified: true },
      { passwordHash: 'x' },
    ]) {
      const refused = await patch(body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
    }
    const current = (await me(session.accessToken)).json<{ data: { role: string } }>().data;
    expect(current.role).toBe('CUSTOMER');
  });
});
