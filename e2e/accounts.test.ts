import type { LightMyRequestResponse } from 'fastify';
import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startPlatform, type Platform } from './platform.js';

interface Session {
  user: { id: string; status: string };
  accessToken: string;
  refreshToken: string;
}

const codeIn = (text: string): string => /\b(\d{6})\b/.exec(text)?.[1] ?? '';

describe('accounts end to end, through the gateway', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform.close();
  });

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    token?: string,
  ): Promise<LightMyRequestResponse> =>
    platform.gateway.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const data = <T>(response: LightMyRequestResponse): T => response.json<{ data: T }>().data;

  async function registerAndVerify(
    email: string,
    password = 'a long enough password',
  ): Promise<Session> {
    const username = email.split('@')[0]!.replace(/[^a-z0-9]/gi, '_');
    expect(
      (await call('POST', '/api/auth/register', { email, username, password })).statusCode,
    ).toBe(201);
    const mail = await platform.smtp.waitFor(email);
    expect(mail.subject).toMatch(/verif/i);
    const verified = await call('POST', '/api/auth/verify-email', {
      email,
      otp: codeIn(mail.text),
    });
    expect(verified.statusCode).toBe(200);
    await platform.smtp.waitFor(email, { count: 2 });
    return data<Session>(verified);
  }

  it('registers, reads the emailed code, verifies, signs in, refreshes and signs out', async () => {
    const email = 'ann@example.com';
    const session = await registerAndVerify(email);
    expect(session.user.status).toBe('ACTIVE');
    const welcome = await platform.smtp.waitFor(email, { count: 2 });
    expect(welcome.subject).toMatch(/welcome/i);

    const login = await call('POST', '/api/auth/login', {
      identifier: email,
      password: 'a long enough password',
    });
    expect(login.statusCode).toBe(200);
    const signedIn = data<Session>(login);
    expect((await call('GET', '/api/auth/me', undefined, signedIn.accessToken)).statusCode).toBe(
      200,
    );

    const refreshed = await call('POST', '/api/auth/refresh', {
      refreshToken: signedIn.refreshToken,
    });
    expect(refreshed.statusCode).toBe(200);
    const next = data<Session>(refreshed);
    expect(
      (await call('POST', '/api/auth/logout', { refreshToken: next.refreshToken })).statusCode,
    ).toBe(204);
    expect(
      (await call('POST', '/api/auth/refresh', { refreshToken: next.refreshToken })).statusCode,
    ).toBe(401);
  });

  it('cuts a signed-out session’s access token at the gateway and in the services, and only that session’s', async () => {
    const email = 'erin@example.com';
    await registerAndVerify(email);
    const signIn = async (): Promise<Session> =>
      data<Session>(
        await call('POST', '/api/auth/login', {
          identifier: email,
          password: 'a long enough password',
        }),
      );
    const [leaving, staying] = [await signIn(), await signIn()];
    expect((await call('GET', '/api/auth/me', undefined, leaving.accessToken)).statusCode).toBe(
      200,
    );
    expect(
      (await call('POST', '/api/auth/logout', { refreshToken: leaving.refreshToken })).statusCode,
    ).toBe(204);
    // Within the revocation feed's interval: polled, never a fixed sleep.
    await waitFor(
      async () =>
        expect(
          (await call('GET', '/api/businesses/me', undefined, leaving.accessToken)).statusCode,
        ).toBe(401),
      { timeoutMs: 10_000 },
    );
    const business = platform.services.business!.container.verifier;
    await waitFor(
      () => expect(business.verify(leaving.accessToken)).rejects.toMatchObject({ status: 401 }),
      { timeoutMs: 10_000 },
    );
    // The other session of the same user is untouched.
    expect((await call('GET', '/api/auth/me', undefined, staying.accessToken)).statusCode).toBe(
      200,
    );
    await expect(business.verify(staying.accessToken)).resolves.toMatchObject({
      role: 'CUSTOMER',
    });
  });

  it('resets a forgotten password with the code from the email', async () => {
    const email = 'bob@example.com';
    await registerAndVerify(email);
    const before = platform.smtp.to(email).length;
    expect((await call('POST', '/api/auth/forgot-password', { email })).statusCode).toBe(202);
    const mail = await platform.smtp.waitFor(email, { count: before + 1 });
    expect(mail.subject).toMatch(/reset/i);
    const reset = await call('POST', '/api/auth/reset-password', {
      email,
      otp: codeIn(mail.text),
      newPassword: 'my brand new password',
    });
    expect(reset.statusCode).toBe(200);
    expect(
      (
        await call('POST', '/api/auth/login', {
          identifier: email,
          password: 'my brand new password',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('lets an admin list and suspend users; the suspended token is refused everywhere within 5 s', async () => {
    const victim = await registerAndVerify('carol@example.com');
    const admin = data<Session>(
      await call('POST', '/api/auth/login', { identifier: ADMIN.email, password: ADMIN.password }),
    );
    const list = await call('GET', '/api/auth/users?search=carol', undefined, admin.accessToken);
    expect(data<{ id: string }[]>(list).map((u) => u.id)).toEqual([victim.user.id]);

    // Before: the gateway lets the token through to the business service.
    expect(
      (await call('GET', '/api/businesses/me', undefined, victim.accessToken)).statusCode,
    ).not.toBe(401);
    const suspendedAt = performance.now();
    expect(
      (
        await call(
          'PATCH',
          `/api/auth/users/${victim.user.id}/status`,
          { status: 'SUSPENDED' },
          admin.accessToken,
        )
      ).statusCode,
    ).toBe(200);
    let refusedAfterMs = Infinity;
    while (performance.now() - suspendedAt < 5_000) {
      const response = await call('GET', '/api/businesses/me', undefined, victim.accessToken);
      if (response.statusCode === 401) {
        refusedAfterMs = performance.now() - suspendedAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(refusedAfterMs).toBeLessThan(5_000);
    // The services refuse it too (their own revocation lists), not only the gateway.
    const business = platform.services.business!.container.verifier;
    await waitFor(
      () => expect(business.verify(victim.accessToken)).rejects.toMatchObject({ status: 401 }),
      {
        timeoutMs: 5_000 - refusedAfterMs,
      },
    );
    expect(
      (await call('POST', '/api/auth/refresh', { refreshToken: victim.refreshToken })).statusCode,
    ).toBe(401);
  });

  it('delivers the code once when SMTP is down and comes back', async () => {
    const email = 'dave@example.com';
    platform.smtp.setDown(true);
    expect(
      (
        await call('POST', '/api/auth/register', {
          email,
          username: 'dave',
          password: 'a long enough password',
        })
      ).statusCode,
    ).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(platform.smtp.refused).toBeGreaterThan(0);
    platform.smtp.setDown(false);
    const mail = await platform.smtp.waitFor(email, { timeoutMs: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(platform.smtp.to(email)).toHaveLength(1);
    expect(
      (await call('POST', '/api/auth/verify-email', { email, otp: codeIn(mail.text) })).statusCode,
    ).toBe(200);
  });
});
