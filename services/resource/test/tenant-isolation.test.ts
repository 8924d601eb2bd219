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

/** Vendor A trying everything on vendor B's business, and customers trying vendors' routes. */
describe('tenant isolation', () => {
  let h: ResourceHarness;
  let a: Vendor;
  let b: Vendor;
  let customer: Actor;
  let bActive: ResourceJson;
  let bInactive: ResourceJson;
  let bCategory: { id: string; name: string };
  beforeAll(async () => {
    h = await startResource();
    [a, b, customer] = await Promise.all([h.vendor(), h.vendor(), h.actor('CUSTOMER')]);
    bCategory = await createCategory(h, b, 'B rooms');
    bActive = await createResource(h, b, { name: 'B active', categoryId: bCategory.id });
    bInactive = await createResource(h, b, { name: 'B inactive' });
    await call(h, 'PATCH', `/api/resources/${bInactive.id}/status`, b, { status: 'INACTIVE' });
  });
  afterAll(async () => {
    await h.close();
  });

  const resourceRow = async (id: string) =>
    (
      await h.sql(
        'SELECT name, price::text AS price, status, version, business_id, category_id FROM resources WHERE id = $1',
        [id],
      )
    )[0];
  const bResourceCount = async () =>
    (await h.sql('SELECT id FROM resources WHERE business_id = $1', [b.business.id])).length;

  it('refuses A changing, re-statusing or deleting B’s resource (403), leaving it as it was', async () => {
    const before = await resourceRow(bActive.id);
    const url = `/api/resources/${bActive.id}`;
    for (const [method, path, body] of [
      ['PATCH', url, { price: '0.01' }],
      ['PATCH', `${url}/status`, { status: 'MAINTENANCE' }],
      ['DELETE', url, undefined],
    ] as const) {
      const response = await call(h, method, path, a, body);
      expect(response.statusCode).toBe(403);
      expect(errorOf(response).code).toBe('FORBIDDEN');
    }
    expect(await resourceRow(bActive.id)).toEqual(before);
  });

  it('answers 404 to A for B’s resources A cannot even see, leaving them as they were', async () => {
    const before = await resourceRow(bInactive.id);
    const url = `/api/resources/${bInactive.id}`;
    expect((await call(h, 'GET', url, a)).statusCode).toBe(404);
    expect((await call(h, 'PATCH', url, a, { name: 'Taken' })).statusCode).toBe(404);
    expect((await call(h, 'DELETE', url, a)).statusCode).toBe(404);
    expect(await resourceRow(bInactive.id)).toEqual(before);
  });

  it('refuses A renaming or deleting B’s category (403), leaving it as it was', async () => {
    const url = `/api/resources/categories/${bCategory.id}`;
    const renamed = await call(h, 'PATCH', url, a, { name: 'Mine' });
    expect(renamed.statusCode).toBe(403);
    expect((await call(h, 'DELETE', url, a)).statusCode).toBe(403);
    expect(
      await h.sql('SELECT name FROM resource_categories WHERE id = $1', [bCategory.id]),
    ).toEqual([{ name: 'B rooms' }]);
  });

  it('refuses A putting a resource into B’s category (422), on create and on change', async () => {
    const created = await call(
      h,
      'POST',
      '/api/resources',
      a,
      resourceBody({ categoryId: bCategory.id }),
    );
    expect(errorOf(created).code).toBe('INVALID_CATEGORY');
    const own = await createResource(h, a);
    const moved = await call(h, 'PATCH', `/api/resources/${own.id}`, a, {
      categoryId: bCategory.id,
    });
    expect(moved.statusCode).toBe(422);
    expect(await resourceRow(own.id)).toMatchObject({ category_id: null });
  });

  it('refuses A reading B’s stats (403)', async () => {
    const response = await call(h, 'GET', `/api/resources/stats?businessId=${b.business.id}`, a);
    expect(response.statusCode).toBe(403);
  });

  it('refuses a body that names B’s business (400), and A’s resources always land in A’s business', async () => {
    const before = await bResourceCount();
    const single = await call(
      h,
      'POST',
      '/api/resources',
      a,
      resourceBody({ businessId: b.business.id }),
    );
    expect(single.statusCode).toBe(400);
    expect(errorOf(single).details?.fields).toEqual([
      { field: 'body.businessId', message: 'Unknown field' },
    ]);
    const bulk = await call(h, 'POST', '/api/resources/bulk', a, {
      resources: [resourceBody({ businessId: b.business.id })],
    });
    expect(bulk.statusCode).toBe(400);
    const category = await call(h, 'POST', '/api/resources/categories', a, {
      name: 'Sneaky',
      businessId: b.business.id,
    });
    expect(category.statusCode).toBe(400);
    const plain = await createResource(h, a);
    expect(plain.businessId).toBe(a.business.id);
    expect(await bResourceCount()).toBe(before);
    expect(
      await h.sql('SELECT 1 FROM resource_categories WHERE business_id = $1 AND name = $2', [
        b.business.id,
        'Sneaky',
      ]),
    ).toEqual([]);
  });

  it('shows A only B’s ACTIVE resources in lists, whatever status A asks for', async () => {
    const list = async (query: string) =>
      (await call(h, 'GET', `/api/resources?businessId=${b.business.id}${query}`, a))
        .json<{ data: ResourceJson[] }>()
        .data.map((r) => r.name);
    expect(await list('')).toEqual(['B active']);
    expect(await list('&status=INACTIVE')).toEqual([]);
  });

  it('refuses a customer creating resources or categories (403), storing nothing', async () => {
    const body = resourceBody();
    expect((await call(h, 'POST', '/api/resources', customer, body)).statusCode).toBe(403);
    expect(
      (await call(h, 'POST', '/api/resources/bulk', customer, { resources: [body] })).statusCode,
    ).toBe(403);
    expect(
      (await call(h, 'POST', '/api/resources/categories', customer, { name: 'C' })).statusCode,
    ).toBe(403);
    expect(await h.sql('SELECT 1 FROM resources WHERE name = $1', [body.name])).toEqual([]);
    expect(await h.sql(`SELECT 1 FROM resource_categories WHERE name = 'C'`)).toEqual([]);
  });

  it('refuses a customer changing anything (403)', async () => {
    const url = `/api/resources/${bActive.id}`;
    expect((await call(h, 'PATCH', url, customer, { name: 'x' })).statusCode).toBe(403);
    expect(
      (await call(h, 'DELETE', `/api/resources/categories/${bCategory.id}`, customer)).statusCode,
    ).toBe(403);
    expect((await call(h, 'GET', '/api/resources/stats', customer)).statusCode).toBe(403);
  });
});
