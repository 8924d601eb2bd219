import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createCategory,
  errorOf,
  resourceBody,
  startResource,
  type ResourceHarness,
  type ResourceJson,
  type Vendor,
} from './harness.js';

describe('POST /api/resources', () => {
  let h: ResourceHarness;
  let vendor: Vendor;
  beforeAll(async () => {
    h = await startResource();
    vendor = await h.vendor();
  });
  afterAll(async () => {
    await h.close();
  });

  const stored = (id: string) =>
    h.sql<{ business_id: string; price: string; status: string; version: number }>(
      'SELECT business_id, price::text AS price, status, version FROM resources WHERE id = $1',
      [id],
    );
  const outbox = (aggregateId: string) =>
    h.sql<{ type: string; version: number; payload: { data: Record<string, unknown> } }>(
      'SELECT type, version, payload FROM outbox WHERE aggregate_id = $1 ORDER BY seq',
      [aggregateId],
    );

  it('creates a resource in the caller’s business, with defaults, and records resource.created', async () => {
    const response = await call(h, 'POST', '/api/resources', vendor, {
      name: '  Deluxe Room 101 ',
      type: 'HOTEL_ROOM',
      price: '150.00',
      currency: 'EUR',
      metadata: { beds: 2, view: 'sea' },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json<{ data: ResourceJson }>().data;
    expect(created).toMatchObject({
      businessId: vendor.business.id,
      name: 'Deluxe Room 101',
      type: 'HOTEL_ROOM',
      categoryId: null,
      description: null,
      price: '150.00',
      currency: 'EUR',
      priceUnit: 'PER_BOOKING',
      metadata: { beds: 2, view: 'sea' },
      status: 'ACTIVE',
    });
    expect(await stored(created.id)).toEqual([
      { business_id: vendor.business.id, price: '150.00', status: 'ACTIVE', version: 1 },
    ]);
    const events = await outbox(created.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'resource.created',
      version: 1,
      payload: {
        data: {
          id: created.id,
          businessId: vendor.business.id,
          status: 'ACTIVE',
          price: '150.00',
          currency: 'EUR',
          priceUnit: 'PER_BOOKING',
          categoryId: null,
        },
      },
    });
  });

  it.each(['19.99', '0.10', '1234567890.12', '0.00'])(
    'keeps the price %s exactly, in the answer, the database and the event',
    async (price) => {
      const response = await call(h, 'POST', '/api/resources', vendor, resourceBody({ price }));
      expect(response.statusCode).toBe(201);
      const created = response.json<{ data: ResourceJson }>().data;
      expect(created.price).toBe(price);
      expect((await stored(created.id))[0]?.price).toBe(price);
      expect((await outbox(created.id))[0]?.payload.data.price).toBe(price);
      const read = await call(h, 'GET', `/api/resources/${created.id}`, vendor);
      expect(read.json<{ data: ResourceJson }>().data.price).toBe(price);
    },
  );

  it('puts the resource in a category of the caller’s business', async () => {
    const category = await createCategory(h, vendor, 'Suites');
    const response = await call(
      h,
      'POST',
      '/api/resources',
      vendor,
      resourceBody({ categoryId: category.id, priceUnit: 'PER_NIGHT', description: 'Big' }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json<{ data: ResourceJson }>().data).toMatchObject({
      categoryId: category.id,
      priceUnit: 'PER_NIGHT',
      description: 'Big',
    });
  });

  it('refuses a category of another business with 422 INVALID_CATEGORY, storing nothing', async () => {
    const other = await h.vendor();
    const foreign = await createCategory(h, other, 'Theirs');
    const body = resourceBody({ categoryId: foreign.id });
    const response = await call(h, 'POST', '/api/resources', vendor, body);
    expect(response.statusCode).toBe(422);
    expect(errorOf(response)).toMatchObject({
      code: 'INVALID_CATEGORY',
      details: { categoryId: foreign.id },
    });
    expect(await h.sql('SELECT 1 FROM resources WHERE name = $1', [body.name])).toEqual([]);
  });

  it.each([
    ['a float price', { price: 19.99 }, 'body.price'],
    ['a price with one decimal', { price: '19.9' }, 'body.price'],
    ['a negative price', { price: '-1.00' }, 'body.price'],
    ['a price over 10 integer digits', { price: '12345678901.00' }, 'body.price'],
    ['a lowercase currency', { currency: 'usd' }, 'body.currency'],
    ['an unknown currency', { currency: 'ABC' }, 'body.currency'],
    ['an unknown type', { type: 'CASTLE' }, 'body.type'],
    ['an unknown price unit', { priceUnit: 'PER_YEAR' }, 'body.priceUnit'],
    ['an empty name', { name: '   ' }, 'body.name'],
    ['a name of 201 characters', { name: 'x'.repeat(201) }, 'body.name'],
    ['a malformed categoryId', { categoryId: 'not-a-uuid' }, 'body.categoryId'],
    ['metadata that is an array', { metadata: [1, 2] }, 'body.metadata'],
    ['metadata that is a string', { metadata: 'big' }, 'body.metadata'],
    ['metadata over 16 KiB', { metadata: { blob: 'x'.repeat(16 * 1024) } }, 'body.metadata'],
    ['a businessId', { businessId: '00000000-0000-4000-8000-000000000000' }, 'body.businessId'],
    ['a status', { status: 'INACTIVE' }, 'body.status'],
    ['an id', { id: '00000000-0000-4000-8000-000000000000' }, 'body.id'],
    ['a version', { version: 7 }, 'body.version'],
  ])('refuses %s with 400 naming the field', async (_case, overrides, field) => {
    const body = resourceBody(overrides);
    const response = await call(h, 'POST', '/api/resources', vendor, body);
    expect(response.statusCode).toBe(400);
    const error = errorOf(response);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details?.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
    expect(await h.sql('SELECT 1 FROM resources WHERE name = $1', [body.name])).toEqual([]);
  });

  it('accepts metadata of exactly 16 KiB of UTF-8 and refuses one byte more (multi-byte text)', async () => {
    // {"t":"…"} is 8 bytes of JSON around the text; "é" is 2 bytes in UTF-8.
    const fits = { t: 'é'.repeat((16 * 1024 - 8) / 2) };
    const ok = await call(h, 'POST', '/api/resources', vendor, resourceBody({ metadata: fits }));
    expect(ok.statusCode).toBe(201);
    const over = { t: `${'é'.repeat((16 * 1024 - 8) / 2)}x` };
    const refused = await call(
      h,
      'POST',
      '/api/resources',
      vendor,
      resourceBody({ metadata: over }),
    );
    expect(refused.statusCode).toBe(400);
  });

  it('refuses a missing required field and a body that is not JSON', async () => {
    const { name: _name, ...nameless } = resourceBody();
    expect((await call(h, 'POST', '/api/resources', vendor, nameless)).statusCode).toBe(400);
    const text = await h.app.inject({
      method: 'POST',
      url: '/api/resources',
      headers: { ...vendor.headers, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
  });

  it('is for vendors: 401 without a token, 403 for a customer or an admin, nothing stored', async () => {
    const body = resourceBody();
    expect((await call(h, 'POST', '/api/resources', undefined, body)).statusCode).toBe(401);
    const customer = await h.actor('CUSTOMER');
    const asCustomer = await call(h, 'POST', '/api/resources', customer, body);
    expect(asCustomer.statusCode).toBe(403);
    expect(errorOf(asCustomer).code).toBe('FORBIDDEN');
    const admin = await h.actor('ADMIN');
    expect((await call(h, 'POST', '/api/resources', admin, body)).statusCode).toBe(403);
    expect(await h.sql('SELECT 1 FROM resources WHERE name = $1', [body.name])).toEqual([]);
  });

  it.each([
    ['PENDING and unverified', { status: 'PENDING', isVerified: false }],
    ['ACTIVE but unverified', { status: 'ACTIVE', isVerified: false }],
    ['SUSPENDED', { status: 'SUSPENDED' }],
    ['INACTIVE', { status: 'INACTIVE' }],
    ['DELETED', { status: 'DELETED' }],
  ] as const)(
    'refuses a vendor whose business is %s: 422 BUSINESS_NOT_ACTIVE',
    async (_c, state) => {
      const other = await h.vendor(state);
      const body = resourceBody();
      const response = await call(h, 'POST', '/api/resources', other, body);
      expect(response.statusCode).toBe(422);
      expect(errorOf(response).code).toBe('BUSINESS_NOT_ACTIVE');
      expect(await h.sql('SELECT 1 FROM resources WHERE name = $1', [body.name])).toEqual([]);
    },
  );

  it('refuses a vendor without a business: 422 BUSINESS_NOT_ACTIVE', async () => {
    const nobody = await h.actor('VENDOR');
    const response = await call(h, 'POST', '/api/resources', nobody, resourceBody());
    expect(response.statusCode).toBe(422);
    expect(errorOf(response).code).toBe('BUSINESS_NOT_ACTIVE');
  });
});
