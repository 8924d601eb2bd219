import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createCategory,
  createResource,
  errorOf,
  resourceBody,
  startResource,
  type Actor,
  type ResourceHarness,
  type ResourceJson,
  type Vendor,
} from './harness.js';

const UNKNOWN = '5b0f1c1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

describe('the public catalog: reading without signing in', () => {
  let h: ResourceHarness;
  let owner: Vendor;
  let pending: Vendor;
  let customer: Actor;
  let active: ResourceJson;
  let inactive: ResourceJson;
  let categoryId: string;
  let hiddenCategoryId: string;
  beforeAll(async () => {
    h = await startResource();
    [owner, pending, customer] = await Promise.all([
      h.vendor(),
      h.vendor({ status: 'PENDING', isVerified: false }),
      h.actor('CUSTOMER'),
    ]);
    categoryId = (await createCategory(h, owner, 'Rooms')).id;
    active = await createResource(h, owner, { categoryId });
    inactive = await createResource(h, owner);
    await call(h, 'PATCH', `/api/resources/${inactive.id}/status`, owner, { status: 'INACTIVE' });
    // A business awaiting verification may prepare categories; nobody else sees them.
    hiddenCategoryId = (await createCategory(h, pending, 'Not yet')).id;
  });
  afterAll(async () => {
    await h.close();
  });

  const anonymous = (url: string) => call(h, 'GET', url);
  const ids = (response: { json: <T>() => T }) =>
    response.json<{ data: { id: string }[] }>().data.map((item) => item.id);

  it('lists what a customer sees: ACTIVE resources of ACTIVE, verified businesses', async () => {
    const url = `/api/resources?businessId=${owner.business.id}`;
    const response = await anonymous(url);
    expect(response.statusCode).toBe(200);
    expect(ids(response)).toEqual([active.id]);
    expect(ids(await call(h, 'GET', url, customer))).toEqual([active.id]);
    expect(ids(await anonymous('/api/resources?status=INACTIVE'))).toEqual([]);
    expect(ids(await anonymous('/api/resources?status=DELETED'))).toEqual([]);
  });

  it('shows one ACTIVE resource and its schedule; 404 for what a customer may not see', async () => {
    const one = await anonymous(`/api/resources/${active.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json<{ data: ResourceJson }>().data).toEqual(active);
    const schedule = await anonymous(`/api/resources/${active.id}/schedule`);
    expect(schedule.statusCode).toBe(200);
    expect(schedule.json()).toEqual({
      data: { timezone: 'UTC', weekly: null, overrides: [], inherited: true },
    });
    for (const url of [`/api/resources/${inactive.id}`, `/api/resources/${inactive.id}/schedule`]) {
      expect((await anonymous(url)).statusCode).toBe(404);
    }
    expect((await anonymous(`/api/resources/${UNKNOWN}`)).statusCode).toBe(404);
  });

  it('lists and shows categories of a public business, not of one awaiting verification', async () => {
    const list = await anonymous(`/api/resources/categories?businessId=${owner.business.id}`);
    expect(list.statusCode).toBe(200);
    expect(ids(list)).toEqual([categoryId]);
    expect((await anonymous(`/api/resources/categories/${categoryId}`)).statusCode).toBe(200);
    const hidden = await anonymous(`/api/resources/categories?businessId=${pending.business.id}`);
    expect(ids(hidden)).toEqual([]);
    expect((await anonymous(`/api/resources/categories/${hiddenCategoryId}`)).statusCode).toBe(404);
    // Only a vendor may leave businessId out (their own business).
    const unnamed = await anonymous('/api/resources/categories');
    expect(unnamed.statusCode).toBe(400);
    expect(errorOf(unnamed).code).toBe('VALIDATION_ERROR');
  });

  it('still refuses a bad token with 401 on every public route', async () => {
    const bad = { authorization: 'Bearer not-a-token' };
    for (const url of [
      '/api/resources',
      `/api/resources/${active.id}`,
      `/api/resources/${active.id}/schedule`,
      `/api/resources/categories?businessId=${owner.business.id}`,
      `/api/resources/categories/${categoryId}`,
    ]) {
      const response = await h.app.inject({ method: 'GET', url, headers: bad });
      expect(response.statusCode, url).toBe(401);
      expect(errorOf(response).code).toBe('UNAUTHENTICATED');
    }
  });

  it('keeps every write and the statistics behind a token: 401, nothing changed', async () => {
    const resource = `/api/resources/${active.id}`;
    const category = `/api/resources/categories/${categoryId}`;
    const attempts: [Parameters<typeof call>[1], string, unknown][] = [
      ['POST', '/api/resources', resourceBody()],
      ['POST', '/api/resources/bulk', { resources: [resourceBody()] }],
      ['PATCH', resource, { name: 'Taken over' }],
      ['PATCH', `${resource}/status`, { status: 'INACTIVE' }],
      ['DELETE', resource, undefined],
      ['PUT', `${resource}/schedule`, { weekly: null }],
      ['DELETE', `${resource}/schedule`, undefined],
      ['POST', '/api/resources/categories', { name: 'Mine' }],
      ['PATCH', category, { name: 'Mine' }],
      ['DELETE', category, undefined],
      ['GET', `/api/resources/stats?businessId=${owner.business.id}`, undefined],
    ];
    for (const [method, url, body] of attempts) {
      const response = await call(h, method, url, undefined, body);
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
    expect(
      await h.sql('SELECT name, status, version, schedule FROM resources WHERE id = $1', [
        active.id,
      ]),
    ).toEqual([{ name: active.name, status: 'ACTIVE', version: 1, schedule: null }]);
    expect(await h.sql('SELECT name FROM resource_categories WHERE id = $1', [categoryId])).toEqual(
      [{ name: 'Rooms' }],
    );
  });
});
