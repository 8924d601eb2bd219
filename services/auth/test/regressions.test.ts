import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
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

/** As the service stores a refresh token: its SHA-256, base64url. */
const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Another six digits than `code`. */
const wrongFor = (code: string, n = 0) =>
  String((Number(code) + 1 + n) % 1_000_000).padStart(6, '0');

describe('auth regressions', () => {
  let auth: AuthHarness;
  beforeAll(async () => {
    auth = await startAuth();
  });
  afterAll(async () => {
    await auth.close();
  });

  const sql = async <T extends object>(text: string, values: unknown[] = []): Promise<T[]> =>
    (await auth.container.pool.query<T & Record<string, unknown>>(text, values)).rows;
  const refresh = (refreshToken: string) => post(auth.app, '/api/auth/refresh', { refreshToken });
  const statuses = (responses: LightMyRequestResponse[]) =>
    responses.map((r) => r.statusCode).sort();

  describe('refresh rotation and the absolute lifetime', () => {
    it('gives every rotated token the deadline of the session’s first, never a later one', async () => {
      const { session } = await signUp(auth);
      // A deadline the service would never compute itself (its TTL is 7 days).
      const [first] = await sql<{ expires_at: Date }>(
        `UPDATE refresh_tokens SET expires_at = date_trunc('second', now()) + interval '90 minutes'
          WHERE token_hash = $1 RETURNING expires_at`,
        [tokenHash(session.refreshToken)],
      );
      let token = session.refreshToken;
      for (let i = 0; i < 3; i += 1) {
        const rotated = await refresh(token);
        expect(rotated.statusCode).toBe(200);
        token = rotated.json<SessionBody>().data.refreshToken;
      }
      const family = await sql<{ expires_at: Date }>(
        'SELECT expires_at FROM refresh_tokens WHERE user_id = $1',
        [session.user.id],
      );
      expect(family).toHaveLength(4);
      expect(family.map((row) => row.expires_at.toISOString())).toEqual(
        family.map(() => first!.expires_at.toISOString()),
      );
    });

    it('ends a session at its deadline however often it is refreshed before', async () => {
      const { session } = await signUp(auth);
      await sql(
        `UPDATE refresh_tokens SET expires_at = now() + interval '5 seconds' WHERE token_hash = $1`,
        [tokenHash(session.refreshToken)],
      );
      // Keep refreshing with the newest token, as a busy client would: were rotation to extend
      // the session, this would go on forever.
      let token = session.refreshToken;
      let rotations = 0;
      await expect
        .poll(
          async () => {
            const response = await refresh(token);
            if (response.statusCode === 200) {
              token = response.json<SessionBody>().data.refreshToken;
              rotations += 1;
            }
            return response.statusCode === 200 ? 'alive' : errorCode(response);
          },
          { timeout: 20_000, interval: 100 },
        )
        .toBe('INVALID_REFRESH_TOKEN');
      expect(rotations).toBeGreaterThan(0);
    });
  });

  describe('one-time codes under concurrent guesses', () => {
    it('counts every one of 20 concurrent wrong guesses: the code dies after five, the right one too', async () => {
      const who = person();
      const registered = await post(auth.app, '/api/auth/register', who);
      const otp = await auth.codeFor(who.email, 'EMAIL_VERIFICATION');
      const guesses = await Promise.all(
        Array.from({ length: 20 }, (_, n) =>
          post(auth.app, '/api/auth/verify-email', { email: who.email, otp: wrongFor(otp, n) }),
        ),
      );
      expect(statuses(guesses)).toEqual(Array(20).fill(400));
      expect(guesses.map(errorCode)).toEqual(Array(20).fill('INVALID_OTP'));
      const [code] = await sql<{ attempts: number }>(
        'SELECT attempts FROM otp_tokens WHERE user_id = $1',
        [registered.json<{ data: { id: string } }>().data.id],
      );
      expect(code!.attempts).toBe(5);
      const right = await post(auth.app, '/api/auth/verify-email', { email: who.email, otp });
      expect(errorCode(right)).toBe('INVALID_OTP');
    });

    it('lets one of 10 concurrent submissions of the right code through, and starts one session', async () => {
      const who = person();
      const registered = await post(auth.app, '/api/auth/register', who);
      const userId = registered.json<{ data: { id: string } }>().data.id;
      const otp = await auth.codeFor(who.email, 'EMAIL_VERIFICATION');
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          post(auth.app, '/api/auth/verify-email', { email: who.email, otp }),
        ),
      );
      expect(statuses(answers)).toEqual([200, ...Array(9).fill(400)]);
      const refused = answers.filter((r) => r.statusCode !== 200);
      expect(refused.map(errorCode)).toEqual(refused.map(() => 'INVALID_OTP'));
      expect(await sql('SELECT id FROM refresh_tokens WHERE user_id = $1', [userId])).toHaveLength(
        1,
      );
    });
  });

  describe('two-step sign-in challenges', () => {
    /** A verified account with sign-in codes on. */
    async function withTwoFactor() {
      const { who, session } = await signUp(auth);
      const enabled = await post(
        auth.app,
        '/api/auth/2fa/enable',
        { password: who.password },
        bearer(session.accessToken),
      );
      expect(enabled.statusCode).toBe(200);
      return { who, userId: session.user.id };
    }
    async function challenge(who: { email: string; password: string }, codesBefore: number) {
      const login = await post(auth.app, '/api/auth/login', {
        identifier: who.email,
        password: who.password,
      });
      const { challengeId } = login.json<{ data: { challengeId: string } }>().data;
      expect(challengeId).toBeTruthy();
      return { challengeId, otp: await auth.codeFor(who.email, 'TWO_FACTOR_AUTH', codesBefore) };
    }
    const complete = (challengeId: string, otp: string) =>
      post(auth.app, '/api/auth/login/2fa', { challengeId, otp });
    const sessionsOf = async (userId: string) =>
      (await sql('SELECT id FROM refresh_tokens WHERE user_id = $1', [userId])).length;

    it('signs in once when one challenge and its code are sent 10 times at once; a replay is refused', async () => {
      const { who, userId } = await withTwoFactor();
      const sessionsBefore = await sessionsOf(userId);
      const { challengeId, otp } = await challenge(who, 0);
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => complete(challengeId, otp)),
      );
      expect(statuses(answers)).toEqual([200, ...Array(9).fill(400)]);
      const refused = answers.filter((r) => r.statusCode !== 200);
      const unexpected = refused.map(errorCode).filter((c) => !/^INVALID_(OTP|CHALLENGE)$/.test(c));
      expect(unexpected).toEqual([]);
      expect(await sessionsOf(userId)).toBe(sessionsBefore + 1);
      const replay = await complete(challengeId, otp);
      expect(replay.statusCode).toBe(400);
      expect(await sessionsOf(userId)).toBe(sessionsBefore + 1);
    });

    it('never mixes challenges: a used one with the next code, or the next with the old code', async () => {
      const { who } = await withTwoFactor();
      const first = await challenge(who, 0);
      expect((await complete(first.challengeId, first.otp)).statusCode).toBe(200);
      const second = await challenge(who, 1);
      const usedChallenge = await complete(first.challengeId, second.otp);
      expect(usedChallenge.statusCode).toBe(400);
      expect(errorCode(usedChallenge)).toBe('INVALID_CHALLENGE');
      // One chance in a million the two codes are the same; then there is no old code to try.
      const oldCode =
        first.otp === second.otp
          ? 'INVALID_OTP'
          : errorCode(await complete(second.challengeId, first.otp));
      expect(oldCode).toBe('INVALID_OTP');
      expect((await complete(second.challengeId, second.otp)).statusCode).toBe(200);
    });

    it('counts 20 concurrent wrong codes on one challenge: five tries, then the right code is dead', async () => {
      const { who, userId } = await withTwoFactor();
      const { challengeId, otp } = await challenge(who, 0);
      const guesses = await Promise.all(
        Array.from({ length: 20 }, (_, n) => complete(challengeId, wrongFor(otp, n))),
      );
      expect(guesses.map(errorCode)).toEqual(Array(20).fill('INVALID_OTP'));
      const [code] = await sql<{ attempts: number }>(
        `SELECT attempts FROM otp_tokens WHERE user_id = $1 AND purpose = 'TWO_FACTOR_AUTH'`,
        [userId],
      );
      expect(code!.attempts).toBe(5);
      expect(errorCode(await complete(challengeId, otp))).toBe('INVALID_OTP');
    });
  });
});
