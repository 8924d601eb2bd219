import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupJob } from '../src/jobs/cleanup.job.js';
import { Store } from '../src/db/store.repository.js';
import { person, post, signUp, startAuth, type AuthHarness, type SessionBody } from './harness.js';

describe('housekeeping', () => {
  let auth: AuthHarness;
  beforeAll(async () => {
    auth = await startAuth();
  });
  afterAll(async () => {
    await auth.close();
  });

  const count = async (sql: string, values: unknown[] = []): Promise<number> =>
    Number((await auth.container.pool.query<{ n: string }>(sql, values)).rows[0]!.n);

  it('deletes the outbox row that carries a code once it is published, and keeps the others', async () => {
    const who = person();
    await post(auth.app, '/api/auth/register', who);
    await auth.codeFor(who.email, 'EMAIL_VERIFICATION');
    await waitFor(async () => {
      expect(
        await count(`SELECT count(*) AS n FROM outbox WHERE type = 'user.otp_requested'`),
      ).toBe(0);
    });
    expect(
      await count(`SELECT count(*) AS n FROM outbox WHERE type = 'user.registered'`),
    ).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*) AS n FROM outbox WHERE payload::text LIKE '%otp_requested%'`),
    ).toBe(0);
  });

  it('removes expired codes, expired refresh tokens, dead challenges and stale throttles', async () => {
    const { session } = await signUp(auth);
    const userId = session.user.id;
    const { pool } = auth.container;
    await pool.query(
      `UPDATE otp_tokens SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE user_id = $1`,
      [userId],
    );
    await pool.query(
      `UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [userId],
    );
    await pool.query(
      `INSERT INTO two_factor_challenges (id, user_id, expires_at) VALUES (gen_random_uuid(), $1, now() - interval '1 second')`,
      [userId],
    );
    await pool.query(
      `INSERT INTO login_throttles (key, failures, window_started_at, updated_at) VALUES ('identifier:old', 3, now() - interval '2 days', now() - interval '2 days')`,
    );
    // A failed login now leaves a fresh throttle row, which must survive the cleanup.
    expect(
      (await post(auth.app, '/api/auth/login', { identifier: 'someone-new', password: 'x' }))
        .statusCode,
    ).toBe(401);

    await cleanupJob(new Store(auth.container.prisma), auth.container.keys, {
      refreshGraceSec: 10,
    })();

    expect(await count(`SELECT count(*) AS n FROM otp_tokens WHERE user_id = $1`, [userId])).toBe(
      0,
    );
    expect(
      await count(`SELECT count(*) AS n FROM refresh_tokens WHERE user_id = $1`, [userId]),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM two_factor_challenges WHERE user_id = $1`, [userId]),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM login_throttles WHERE key = 'identifier:old'`),
    ).toBe(0);
    // A throttle with a recent failure stays: it is what keeps counting toward a lockout.
    expect(
      await count(`SELECT count(*) AS n FROM login_throttles WHERE key LIKE 'identifier:%'`),
    ).toBeGreaterThan(0);
  });

  it('keeps used codes of the last hour, since they count toward the hourly limit', async () => {
    const { session } = await signUp(auth);
    await cleanupJob(new Store(auth.container.prisma), auth.container.keys, {
      refreshGraceSec: 10,
    })();
    expect(
      await count(`SELECT count(*) AS n FROM otp_tokens WHERE user_id = $1`, [session.user.id]),
    ).toBe(1);
  });

  it('turns 2FA off with the password', async () => {
    const { who, session } = await signUp(auth);
    const headers = { authorization: `Bearer ${session.accessToken}` };
    await post(auth.app, '/api/auth/2fa/enable', { password: who.password }, headers);
    const off = await post(auth.app, '/api/auth/2fa/disable', { password: who.password }, headers);
    expect(off.json<{ data: { twoFactorEnabled: boolean } }>().data.twoFactorEnabled).toBe(false);
    const login = await post(auth.app, '/api/auth/login', {
      identifier: who.email,
      password: who.password,
    });
    expect(login.json<SessionBody>().data.accessToken).toBeTruthy();
  });
});
