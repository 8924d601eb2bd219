import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  bearer,
  errorCode,
  person,
  post,
  signUp,
  startAuth,
  type AuthHarness,
  type SessionBody,
} from './harness.js';

describe('administration', () => {
  let auth: AuthHarness;
  let adminToken: string;
  let adminId: string;
  beforeAll(async () => {
    auth = await startAuth();
    const login = await post(auth.app, '/api/auth/login', {
      identifier: ADMIN.email,
      password: ADMIN.password,
    });
    adminToken = login.json<SessionBody>().data.accessToken;
    adminId = login.json<SessionBody>().data.user.id;
  });
  afterAll(async () => {
    await auth.close();
  });

  const asAdmin = (
    method: 'GET' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    token = adminToken,
  ) => auth.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

  it('ensures the configured admin once, however often the service starts', async () => {
    await auth.container.admin.ensureAdmin(ADMIN.email, 'another password', 'admin');
    await auth.container.admin.ensureAdmin(ADMIN.email, 'another password', 'admin');
    const { rows } = await auth.container.pool.query(
      `SELECT role, status FROM users WHERE email = $1`,
      [ADMIN.email],
    );
    expect(rows).toEqual([{ role: 'ADMIN', status: 'ACTIVE' }]);
    expect(
      (
        await post(auth.app, '/api/auth/login', {
          identifier: ADMIN.email,
          password: ADMIN.password,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('lists users with filters, search and pagination', async () => {
    const vendor = await signUp(auth, person({ role: 'VENDOR' }));
    await signUp(auth);
    const all = await asAdmin('GET', '/api/auth/users?limit=2&page=1');
    expect(all.statusCode).toBe(200);
    const body = all.json<{
      data: unknown[];
      meta: { page: number; limit: number; total: number };
    }>();
    expect(body.data).toHaveLength(2);
    expect(body.meta).toMatchObject({ page: 1, limit: 2 });
    expect(body.meta.total).toBeGreaterThanOrEqual(3);
    const vendors = await asAdmin(
      'GET',
      `/api/auth/users?role=VENDOR&search=${vendor.who.username.slice(5)}`,
    );
    expect(vendors.json<{ data: { id: string }[] }>().data.map((u) => u.id)).toEqual([
      vendor.session.user.id,
    ]);
    expect((await asAdmin('GET', '/api/auth/users?limit=101')).statusCode).toBe(400);
    expect((await asAdmin('GET', '/api/auth/users?role=ROOT')).statusCode).toBe(400);
    expect(JSON.stringify(body)).not.toContain('passwordHash');
  });

  it('refuses every admin route to CUSTOMER and VENDOR, and without a token', async () => {
    const customer = await signUp(auth);
    const vendor = await signUp(auth, person({ role: 'VENDOR' }));
    const target = customer.session.user.id;
    for (const token of [customer.session.accessToken, vendor.session.accessToken]) {
      for (const [method, url, payload] of [
        ['GET', '/api/auth/users', undefined],
        ['GET', `/api/auth/users/${target}`, undefined],
        ['PATCH', `/api/auth/users/${target}/status`, { status: 'SUSPENDED' }],
        ['DELETE', `/api/auth/users/${target}`, undefined],
      ] as const) {
        const response = await asAdmin(method, url, payload, token);
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect(errorCode(response)).toBe('FORBIDDEN');
      }
    }
    const anonymous = await auth.app.inject({ method: 'GET', url: '/api/auth/users' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('suspends a user: sessions and access tokens end at once; reactivating lets them back in', async () => {
    const { who, session } = await signUp(auth);
    const suspended = await asAdmin('PATCH', `/api/auth/users/${session.user.id}/status`, {
      status: 'SUSPENDED',
    });
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json<{ data: { status: string } }>().data.status).toBe('SUSPENDED');
    expect(
      (
        await auth.app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: bearer(session.accessToken),
        })
      ).statusCode,
    ).toBe(401);
    expect(
      errorCode(await post(auth.app, '/api/auth/refresh', { refreshToken: session.refreshToken })),
    ).toBe('INVALID_REFRESH_TOKEN');
    expect(
      errorCode(
        await post(auth.app, '/api/auth/login', { identifier: who.email, password: who.password }),
      ),
    ).toBe('ACCOUNT_SUSPENDED');

    const revocations = await auth.container.revocationFeed.since(undefined);
    expect(revocations.map((r) => r.userId)).toContain(session.user.id);

    expect(
      (await asAdmin('PATCH', `/api/auth/users/${session.user.id}/status`, { status: 'ACTIVE' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await post(auth.app, '/api/auth/login', { identifier: who.email, password: who.password }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses impossible status changes and acting on oneself', async () => {
    const pending = person();
    const registered = await post(auth.app, '/api/auth/register', pending);
    const pendingId = registered.json<{ data: { id: string } }>().data.id;
    const activate = await asAdmin('PATCH', `/api/auth/users/${pendingId}/status`, {
      status: 'ACTIVE',
    });
    expect(activate.statusCode).toBe(409);
    expect(errorCode(activate)).toBe('INVALID_STATUS_TRANSITION');
    expect(
      (await asAdmin('PATCH', `/api/auth/users/${pendingId}/status`, { status: 'DELETED' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await asAdmin('PATCH', `/api/auth/users/${adminId}/status`, { status: 'SUSPENDED' }))
        .statusCode,
    ).toBe(403);
    expect((await asAdmin('DELETE', `/api/auth/users/${adminId}`)).statusCode).toBe(403);
    expect((await asAdmin('GET', `/api/auth/users/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await asAdmin('GET', '/api/auth/users/not-a-uuid')).statusCode).toBe(400);
  });

  it('soft-deletes a user: gone for login, kept as DELETED, cannot be reactivated', async () => {
    const { who, session } = await signUp(auth);
    expect((await asAdmin('DELETE', `/api/auth/users/${session.user.id}`)).statusCode).toBe(204);
    const login = await post(auth.app, '/api/auth/login', {
      identifier: who.email,
      password: who.password,
    });
    expect(errorCode(login)).toBe('INVALID_CREDENTIALS');
    const read = await asAdmin('GET', `/api/auth/users/${session.user.id}`);
    expect(read.json<{ data: { status: string } }>().data.status).toBe('DELETED');
    expect(
      (await asAdmin('PATCH', `/api/auth/users/${session.user.id}/status`, { status: 'ACTIVE' }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await auth.app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: bearer(session.accessToken),
        })
      ).statusCode,
    ).toBe(401);
  });
});
