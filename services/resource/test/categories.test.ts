import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createCategory,
  createResource,
  errorOf,
  startResource,
  type Actor,
  type ResourceHarness,
  type Vendor,
} from './harness.js';

interface CategoryJson {
  id: string;
  businessId: string;
  name: string;
  description: string | null;
}

describe('/api/resources/categories', () => {
  let h: ResourceHarness;
  let owner: Vendor;
  let customer: Actor;
  let admin: Actor;
  beforeAll(async () => {
    h = await startResource();
    [owner, customer, admin] = await Promise.all([
      h.vendor(),
      h.actor('CUSTOMER'),
      h.actor('ADMIN'),
    ]);
  });
  afterAll(async () => {
    await h.close();
  });

  const post = (who: Actor, body: unknown) =>
    call(h, 'POST', '/api/resources/categories', who, body);
  const stored = (businessId: string) =>
    h.sql<{ name: string }>(
      'SELECT name FROM resource_categories WHERE business_id = $1 ORDER BY name',
      [businessId],
    );

  it('creates a category in the vendor’s business', async () => {
    const response = await post(owner, { name: ' Deluxe Room ', description: 'Sea view' });
    expect(response.statusCode).toBe(201);
    expect(response.json<{ data: CategoryJson }>().data).toMatchObject({
      businessId: owner.business.id,
      name: 'Deluxe Room',
      description: 'Sea view',
    });
    expect(await stored(owner.business.id)).toEqual([{ name: 'Deluxe Room' }]);
  });

  it('refuses a name the business already has in any case: 409 CATEGORY_EXISTS', async () => {
    const vendor = await h.vendor();
    await createCategory(h, vendor, 'Suites');
    for (const name of ['Suites', 'SUITES', ' suites ']) {
      const response = await post(vendor, { name });
      expect(response.statusCode).toBe(409);
      expect(errorOf(response).code).toBe('CATEGORY_EXISTS');
    }
    expect(await stored(vendor.business.id)).toEqual([{ name: 'Suites' }]);
    // Another business may use the same name.
    expect((await post(await h.vendor(), { name: 'suites' })).statusCode).toBe(201);
  });

  it('lets the database decide between concurrent creations of one name: one 201, the rest 409', async () => {
    const vendor = await h.vendor();
    const names = ['Desk', 'DESK', 'desk', 'Desk', 'dEsK', 'desk'];
    const answers = await Promise.all(names.map((name) => post(vendor, { name })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(await stored(vendor.business.id)).toHaveLength(1);
  });

  it('lets a vendor whose business awaits verification prepare categories', async () => {
    const pending = await h.vendor({ status: 'PENDING', isVerified: false });
    expect((await post(pending, { name: 'Chairs' })).statusCode).toBe(201);
  });

  it('refuses a vendor without a business or with a DELETED one: 422 BUSINESS_NOT_ACTIVE', async () => {
    for (const vendor of [await h.actor('VENDOR'), await h.vendor({ status: 'DELETED' })]) {
      const response = await post(vendor, { name: 'Nope' });
      expect(response.statusCode).toBe(422);
      expect(errorOf(response).code).toBe('BUSINESS_NOT_ACTIVE');
    }
  });

  it('is for vendors only: 403 for a customer and an ADMIN, 401 without a token', async () => {
    expect((await post(customer, { name: 'Mine' })).statusCode).toBe(403);
    expect((await post(admin, { name: 'Mine' })).statusCode).toBe(403);
    expect(
      (await call(h, 'POST', '/api/resources/categories', undefined, { name: 'x' })).statusCode,
    ).toBe(401);
  });

  it.each([
    ['a businessId', { name: 'A', businessId: '5b0f1c1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b' }],
    ['an empty name', { name: '  ' }],
    ['a long name', { name: 'n'.repeat(101) }],
    ['a number as name', { name: 5 }],
    ['no name', { description: 'x' }],
  ])('refuses %s with 400', async (_case, body) => {
    const response = await post(owner, body);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_ERROR');
  });

  it('lists a business’s categories by name; a vendor’s own without businessId', async () => {
    const vendor = await h.vendor();
    for (const name of ['Beta', 'Alpha', 'Gamma']) await createCategory(h, vendor, name);
    const byId = await call(
      h,
      'GET',
      `/api/resources/categories?businessId=${vendor.business.id}&limit=2`,
      customer,
    );
    expect(byId.statusCode).toBe(200);
    const page = byId.json<{ data: CategoryJson[]; meta: object }>();
    expect(page.data.map((c) => c.name)).toEqual(['Alpha', 'Beta']);
    expect(page.meta).toEqual({ page: 1, limit: 2, total: 3 });
    const own = await call(h, 'GET', '/api/resources/categories', vendor);
    expect(own.json<{ data: CategoryJson[] }>().data).toHaveLength(3);
    const missing = await call(h, 'GET', '/api/resources/categories', customer);
    expect(missing.statusCode).toBe(400);
  });

  it('hides the categories of a business that is not ACTIVE and verified from others', async () => {
    const pending = await h.vendor({ status: 'PENDING', isVerified: false });
    const category = await createCategory(h, pending, 'Hidden');
    const url = `/api/resources/categories?businessId=${pending.business.id}`;
    expect((await call(h, 'GET', url, customer)).json<{ data: unknown[] }>().data).toEqual([]);
    expect((await call(h, 'GET', url, pending)).json<{ data: unknown[] }>().data).toHaveLength(1);
    expect((await call(h, 'GET', url, admin)).json<{ data: unknown[] }>().data).toHaveLength(1);
    expect(
      (await call(h, 'GET', `/api/resources/categories/${category.id}`, customer)).statusCode,
    ).toBe(404);
    expect(
      (await call(h, 'GET', `/api/resources/categories/${category.id}`, pending)).statusCode,
    ).toBe(200);
  });

  it('shows one category to any user; 404 unknown, 400 malformed', async () => {
    const category = await createCategory(h, owner, 'Visible');
    const response = await call(h, 'GET', `/api/resources/categories/${category.id}`, customer);
    expect(response.statusCode).toBe(200);
    expect(response.json<{ data: CategoryJson }>().data.name).toBe('Visible');
    const unknown = '5b0f1c1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(
      (await call(h, 'GET', `/api/resources/categories/${unknown}`, customer)).statusCode,
    ).toBe(404);
    expect((await call(h, 'GET', '/api/resources/categories/xyz', customer)).statusCode).toBe(400);
  });

  it('renames a category; a name taken in any case is 409, its own in another case is fine', async () => {
    const vendor = await h.vendor();
    const first = await createCategory(h, vendor, 'Rooms');
    await createCategory(h, vendor, 'Suites');
    const url = `/api/resources/categories/${first.id}`;
    const taken = await call(h, 'PATCH', url, vendor, { name: 'SUITES' });
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken).code).toBe('CATEGORY_EXISTS');
    const recased = await call(h, 'PATCH', url, vendor, {
      name: 'ROOMS',
      description: 'All rooms',
    });
    expect(recased.statusCode).toBe(200);
    expect(recased.json<{ data: CategoryJson }>().data).toMatchObject({
      name: 'ROOMS',
      description: 'All rooms',
    });
    expect((await call(h, 'PATCH', url, vendor, {})).statusCode).toBe(400);
    expect(
      (await call(h, 'PATCH', url, vendor, { businessId: owner.business.id })).statusCode,
    ).toBe(400);
    expect((await call(h, 'PATCH', url, admin, { description: null })).statusCode).toBe(200);
  });

  it('deletes an unused category; one used by a live resource is 409 CATEGORY_IN_USE', async () => {
    const vendor = await h.vendor();
    const unused = await createCategory(h, vendor, 'Unused');
    expect(
      (await call(h, 'DELETE', `/api/resources/categories/${unused.id}`, vendor)).statusCode,
    ).toBe(204);
    expect(await h.sql('SELECT 1 FROM resource_categories WHERE id = $1', [unused.id])).toEqual([]);

    const used = await createCategory(h, vendor, 'Used');
    const resource = await createResource(h, vendor, { categoryId: used.id });
    await call(h, 'PATCH', `/api/resources/${resource.id}/status`, vendor, {
      status: 'MAINTENANCE',
    });
    const refused = await call(h, 'DELETE', `/api/resources/categories/${used.id}`, vendor);
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('CATEGORY_IN_USE');
    expect(await h.sql('SELECT 1 FROM resource_categories WHERE id = $1', [used.id])).toHaveLength(
      1,
    );

    // Once the only resource using it is deleted, the category may go; the resource lets go of it.
    await call(h, 'DELETE', `/api/resources/${resource.id}`, vendor);
    expect(
      (await call(h, 'DELETE', `/api/resources/categories/${used.id}`, admin)).statusCode,
    ).toBe(204);
    expect(await h.sql('SELECT category_id FROM resources WHERE id = $1', [resource.id])).toEqual([
      { category_id: null },
    ]);
    expect(
      (await call(h, 'DELETE', `/api/resources/categories/${used.id}`, vendor)).statusCode,
    ).toBe(404);
  });
});
