import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCode,
  person,
  post,
  startAuth,
  type AuthHarness,
  type SessionBody,
} from './harness.js';

describe('registration and email verification', () => {
  let auth: AuthHarness;
  beforeAll(async () => {
    auth = await startAuth();
  });
  afterAll(async () => {
    await auth.close();
  });

  async function sql<T extends pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
  ): Promise<T[]> {
    return (await auth.container.pool.query<T>(text, values)).rows;
  }

  it('registers a PENDING_VERIFICATION user, stores a bcrypt hash and no code in clear', async () => {
    const who = person({ email: 'Mixed.Case@Example.com' });
    const response = await post(auth.app, '/api/auth/register', {
      ...who,
      firstName: 'Ann',
      role: 'VENDOR',
    });
    expect(response.statusCode).toBe(201);
    const user = response.json<{ data: Record<string, unknown> }>().data;
    expect(user).toMatchObject({
      email: 'mixed.case@example.com',
      username: who.username,
      firstName: 'Ann',
      role: 'VENDOR',
      status: 'PENDING_VERIFICATION',
      isEmailVerified: false,
    });
    expect(JSON.stringify(user)).not.toMatch(/passwordHash|\$2[aby]\$/);
    const [row] = await sql<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [user.id],
    );
    expect(row!.password_hash).toMatch(/^\$2b\$04\$/);
    const code = await auth.codeFor('mixed.case@example.com', 'EMAIL_VERIFICATION');
    const otps = await sql<{ code_hash: string }>(
      'SELECT code_hash FROM otp_tokens WHERE user_id = $1',
      [user.id],
    );
    expect(otps).toHaveLength(1);
    expect(otps[0]!.code_hash).not.toContain(code);
  });

  it('refuses a taken email or username, whatever their case', async () => {
    const who = person();
    expect((await post(auth.app, '/api/auth/register', who)).statusCode).toBe(201);
    const sameEmail = await post(auth.app, '/api/auth/register', {
      ...person(),
      email: who.email.toUpperCase(),
    });
    expect(sameEmail.statusCode).toBe(409);
    expect(errorCode(sameEmail)).toBe('EMAIL_TAKEN');
    const sameName = await post(auth.app, '/api/auth/register', {
      ...person(),
      username: who.username.toUpperCase(),
    });
    expect(sameName.statusCode).toBe(409);
    expect(errorCode(sameName)).toBe('USERNAME_TAKEN');
  });

  it('cannot register an ADMIN, or set status and verification through the body', async () => {
    for (const extra of [
      { role: 'ADMIN' },
      { status: 'ACTIVE' },
      { isEmailVerified: true },
      { id: crypto.randomUUID() },
    ]) {
      const response = await post(auth.app, '/api/auth/register', { ...person(), ...extra });
      expect(response.statusCode, JSON.stringify(extra)).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
  });

  it('lists every bad field: short password, long password, bad email, bad username', async () => {
    const response = await post(auth.app, '/api/auth/register', {
      email: 'not-an-email',
      username: '@x',
      password: 'short',
    });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json<{ error: { details: { fields: { field: string }[] } } }>()
      .error.details.fields.map((f) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.email', 'body.username', 'body.password']),
    );
    const long = await post(auth.app, '/api/auth/register', {
      ...person(),
      password: 'p'.repeat(129),
    });
    expect(long.statusCode).toBe(400);
    expect(
      (await post(auth.app, '/api/auth/register', { ...person(), password: 'p'.repeat(128) }))
        .statusCode,
    ).toBe(201);
  });

  it('verifies with the emailed code: ACTIVE, verified, signed in, with httpOnly cookies', async () => {
    const who = person();
    await post(auth.app, '/api/auth/register', who);
    const otp = await auth.codeFor(who.email, 'EMAIL_VERIFICATION');
    const response = await post(auth.app, '/api/auth/verify-email', { email: who.email, otp });
    expect(response.statusCode).toBe(200);
    const body = response.json<SessionBody>().data;
    expect(body.user).toMatchObject({ status: 'ACTIVE', isEmailVerified: true });
    expect(body.expiresIn).toBe(900);
    const cookies = response.cookies.map((c) => [c.name, c.httpOnly, c.sameSite]);
    expect(cookies).toEqual(
      expect.arrayContaining([
        ['accessToken', true, 'Strict'],
        ['refreshToken', true, 'Strict'],
      ]),
    );
    const again = await post(auth.app, '/api/auth/verify-email', { email: who.email, otp });
    expect(again.statusCode).toBe(400);
    expect(errorCode(again)).toBe('INVALID_OTP');
  });

  it('kills a code after five wrong tries, even for the right code on the sixth', async () => {
    const who = person();
    await post(auth.app, '/api/auth/register', who);
    const otp = await auth.codeFor(who.email, 'EMAIL_VERIFICATION');
    const wrong = otp === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) {
      const response = await post(auth.app, '/api/auth/verify-email', {
        email: who.email,
        otp: wrong,
      });
      expect(errorCode(response)).toBe('INVALID_OTP');
    }
    const right = await post(auth.app, '/api/auth/verify-email', { email: who.email, otp });
    expect(right.statusCode).toBe(400);
    expect(errorCode(right)).toBe('INVALID_OTP');
  });

  it('refuses an expired code', async () => {
    const who = person();
    const registered = await post(auth.app, '/api/auth/register', who);
    const otp = await auth.codeFor(who.email, 'EMAIL_VERIFICATION');
    await sql(`UPDATE otp_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      registered.json<{ data: { id: string } }>().data.id,
    ]);
    const response = await post(auth.app, '/api/auth/verify-email', { email: who.email, otp });
    expect(errorCode(response)).toBe('INVALID_OTP');
  });

  it('a new code replaces the old one; resend answers 202 the same for unknown emails', async () => {
    const who = person();
    await post(auth.app, '/api/auth/register', who);
    const first = await auth.codeFor(who.email, 'EMAIL_VERIFICATION');
    const known = await post(auth.app, '/api/auth/resend-verification', { email: who.email });
    const unknown = await post(auth.app, '/api/auth/resend-verification', {
      email: 'nobody@example.com',
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    const second = await auth.codeFor(who.email, 'EMAIL_VERIFICATION', 1);
    // One chance in a million the two codes are equal; then the old one "works" as the new one.
    const old = await post(auth.app, '/api/auth/verify-email', { email: who.email, otp: first });
    expect(first === second || errorCode(old) === 'INVALID_OTP').toBe(true);
    const fresh = await post(auth.app, '/api/auth/verify-email', { email: who.email, otp: second });
    expect(fresh.statusCode).toBe(first === second ? 400 : 200);
  });

  it('sends at most five codes an hour per account', async () => {
    const who = person();
    const registered = await post(auth.app, '/api/auth/register', who);
    for (let i = 0; i < 6; i += 1) {
      expect(
        (await post(auth.app, '/api/auth/resend-verification', { email: who.email })).statusCode,
      ).toBe(202);
    }
    // A code leaves only through the outbox, written before each 202: five there, five ever.
    const sent = await sql(
      `SELECT id FROM outbox WHERE aggregate_id = $1 AND type = 'user.otp_requested'`,
      [registered.json<{ data: { id: string } }>().data.id],
    );
    expect(sent).toHaveLength(5);
    await auth.codeFor(who.email, 'EMAIL_VERIFICATION', 4);
    expect(auth.codes.filter((c) => c.email === who.email)).toHaveLength(5);
  });
});
