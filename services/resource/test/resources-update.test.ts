import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createCategory,
  createResource,
  errorOf,
  startResource,
  type Actor,
  type ResourceHarness,
  type ResourceJson,
  type Vendor,
} from './harness.js';

describe('PATCH /api/resources/:id, PATCH /:id/status, DELETE /:id', () => {
  let h: ResourceHarness;
  let owner: Vendor;
  let admin: Actor;
  beforeAll(async () => {
    h = await startResource();
    owner = await h.vendor();
    admin = await h.actor('ADMIN');
  });
  afterAll(async () => {
    await h.close();
  });

  const row = async (id: string) =>
    (
      await h.sql<{
        name: string;
        price: string;
        status: string;
        version: number;
        category_id: string | null;
      }>(
        'SELECT name, price::text AS price, status, version, category_id FROM resources WHERE id = $1',
        [id],
      )
    )[0];
  const events = (id: string) =>
    h.sql<{ type: string; version: number; payload: { data: Record<string, unknown> } }>(
      'SELECT type, version, payload FROM outbox WHERE aggregate_id = $1 ORDER BY seq',
      [id],
    );

  it('changes the given fields, replaces metadata, bumps the version and records resource.updated', async () => {
    const resource = await createResource(h, owner, { metadata: { a: 1, b: 2 } });
    const category = await createCategory(h, owner, 'Premium');
    const response = await call(h, 'PATCH', `/api/resources/${resource.id}`, owner, {
      name: 'Renamed',
      type: 'DESK',
      price: '1234567890.12',
      currency: 'GBP',
      priceUnit: 'PER_HOUR',
      categoryId: category.id,
      description: 'Now with a view',
      metadata: { c: 3 },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ data: ResourceJson }>().data).toMatchObject({
      name: 'Renamed',
      type: 'DESK',
      price: '1234567890.12',
      currency: 'GBP',
      priceUnit: 'PER_HOUR',
      categoryId: category.id,
      description: 'Now with a view',
      metadata: { c: 3 },
      status: 'ACTIVE',
    });
    expect(await row(resource.id)).toMatchObject({ price: '1234567890.12', version: 2 });
    const [, updated] = await events(resource.id);
    expect(updated).toMatchObject({
      type: 'resource.updated',
      version: 2,
      payload: {
        data: { name: 'Renamed', type: 'DESK', price: '1234567890.12', categoryId: category.id },
      },
    });
  });

  it('clears description and category with null, and records nothing when nothing changes', async () => {
    const category = await createCategory(h, owner, 'Temporary');
    const resource = await createResource(h, owner, { categoryId: category.id, description: 'x' });
    const cleared = await call(h, 'PATCH', `/api/resources/${resource.id}`, owner, {
      categoryId: null,
      description: null,
    });
    expect(cleared.json<{ data: ResourceJson }>().data).toMatchObject({
      categoryId: null,
      description: null,
    });
    const same = await call(h, 'PATCH', `/api/resources/${resource.id}`, owner, {
      name: resource.name,
    });
    expect(same.statusCode).toBe(200);
    expect((await events(resource.id)).map((e) => e.version)).toEqual([1, 2]);
  });

  it('lets an ADMIN change any business’s resource', async () => {
    const resource = await createResource(h, owner);
    const response = await call(h, 'PATCH', `/api/resources/${resource.id}`, admin, {
      price: '0.10',
    });
    expect(response.statusCode).toBe(200);
    expect((await row(resource.id))?.price).toBe('0.10');
  });

  it('refuses a category of another business with 422 INVALID_CATEGORY, changing nothing', async () => {
    const resource = await createResource(h, owner);
    const other = await h.vendor();
    const foreign = await createCategory(h, other, 'Elsewhere');
    const response = await call(h, 'PATCH', `/api/resources/${resource.id}`, owner, {
      categoryId: foreign.id,
    });
    expect(response.statusCode).toBe(422);
    expect(errorOf(response).code).toBe('INVALID_CATEGORY');
    expect(await row(resource.id)).toMatchObject({ category_id: null, version: 1 });
  });

  it.each([
    ['an empty body', {}],
    ['a status (it has its own route)', { status: 'INACTIVE' }],
    ['a businessId', { businessId: '5b0f1c1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b' }],
    ['a version', { version: 9 }],
    ['a float price', { price: 10.5 }],
    ['metadata over 16 KiB', { metadata: { x: 'y'.repeat(17_000) } }],
    ['null metadata', { metadata: null }],
    ['a null name', { name: null }],
  ])('refuses %s with 400, changing nothing', async (_case, body) => {
    const resource = await createResource(h, owner);
    const response = await call(h, 'PATCH', `/api/resources/${resource.id}`, owner, body);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    expect((await row(resource.id))?.version).toBe(1);
  });

  it('moves a resource through INACTIVE, MAINTENANCE and back to ACTIVE, one event per change', async () => {
    const resource = await createResource(h, owner);
    const url = `/api/resources/${resource.id}/status`;
    for (const status of ['INACTIVE', 'MAINTENANCE', 'MAINTENANCE', 'ACTIVE']) {
      const response = await call(h, 'PATCH', url, owner, { status });
      expect(response.statusCode).toBe(200);
      expect(response.json<{ data: ResourceJson }>().data.status).toBe(status);
    }
    expect(
      (await events(resource.id)).map((e) => [e.type, e.version, e.payload.data.status]),
    ).toEqual([
      ['resource.created', 1, 'ACTIVE'],
      ['resource.status_changed', 2, 'INACTIVE'],
      ['resource.status_changed', 3, 'MAINTENANCE'],
      ['resource.status_changed', 4, 'ACTIVE'],
    ]);
  });

  it.each([['DELETED'], ['PENDING'], [''], [null]])(
    'refuses the status %s with 400',
    async (status) => {
      const resource = await createResource(h, owner);
      const response = await call(h, 'PATCH', `/api/resources/${resource.id}/status`, owner, {
        status,
      });
      expect(response.statusCode).toBe(400);
      expect((await row(resource.id))?.status).toBe('ACTIVE');
    },
  );

  it('deletes softly: 204, status DELETED, resource.deleted; then every change is 404', async () => {
    const resource = await createResource(h, owner);
    const url = `/api/resources/${resource.id}`;
    expect((await call(h, 'DELETE', url, owner)).statusCode).toBe(204);
    expect(await row(resource.id)).toMatchObject({ status: 'DELETED', version: 2 });
    expect((await events(resource.id)).at(-1)).toMatchObject({
      type: 'resource.deleted',
      version: 2,
    });

    for (const [method, path, body] of [
      ['PATCH', url, { name: 'Back' }],
      ['PATCH', `${url}/status`, { status: 'ACTIVE' }],
      ['DELETE', url, undefined],
    ] as const) {
      const response = await call(h, method, path, owner, body);
      expect(response.statusCode).toBe(404);
      expect(errorOf(response).code).toBe('NOT_FOUND');
    }
    expect(await row(resource.id)).toMatchObject({ status: 'DELETED', version: 2 });
  });

  it('answers 404 for unknown ids and 400 for malformed ones, and 403 to customers', async () => {
    const unknown = '5b0f1c1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(
      (await call(h, 'PATCH', `/api/resources/${unknown}`, owner, { name: 'x' })).statusCode,
    ).toBe(404);
    expect((await call(h, 'DELETE', `/api/resources/${unknown}`, owner)).statusCode).toBe(404);
    expect(
      (await call(h, 'PATCH', '/api/resources/nope/status', owner, { status: 'ACTIVE' }))
        .statusCode,
    ).toBe(400);
    const customer = await h.actor('CUSTOMER');
    const resource = await createResource(h, owner);
    for (const [method, path, body] of [
      ['PATCH', `/api/resources/${resource.id}`, { name: 'Mine now' }],
      ['PATCH', `/api/resources/${resource.id}/status`, { status: 'INACTIVE' }],
      ['DELETE', `/api/resources/${resource.id}`, undefined],
    ] as const) {
      expect((await call(h, method, path, customer, body)).statusCode).toBe(403);
    }
    expect(await row(resource.id)).toMatchObject({ status: 'ACTIVE', version: 1 });
  });
});
