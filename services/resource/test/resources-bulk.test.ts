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

describe('POST /api/resources/bulk', () => {
  let h: ResourceHarness;
  let vendor: Vendor;
  beforeAll(async () => {
    h = await startResource();
    vendor = await h.vendor();
  });
  afterAll(async () => {
    await h.close();
  });

  const countOf = async (businessId: string): Promise<number> =>
    Number(
      (
        await h.sql<{ n: string }>('SELECT count(*) AS n FROM resources WHERE business_id = $1', [
          businessId,
        ])
      )[0]?.n,
    );

  it('creates every resource in order, one resource.created each, in one go', async () => {
    const category = await createCategory(h, vendor, 'Desks');
    const bodies = [
      resourceBody({ type: 'DESK', price: '19.99', categoryId: category.id }),
      resourceBody({ type: 'DESK', price: '0.10' }),
      resourceBody({ type: 'OTHER', price: '1234567890.12', currency: 'JPY' }),
    ];
    const response = await call(h, 'POST', '/api/resources/bulk', vendor, { resources: bodies });
    expect(response.statusCode).toBe(201);
    const created = response.json<{ data: ResourceJson[] }>().data;
    expect(created.map((r) => [r.name, r.price, r.businessId])).toEqual(
      bodies.map((b) => [b.name, b.price, vendor.business.id]),
    );
    const events = await h.sql<{ aggregate_id: string }>(
      `SELECT aggregate_id FROM outbox WHERE type = 'resource.created' AND aggregate_id = ANY($1)`,
      [created.map((r) => r.id)],
    );
    expect(events).toHaveLength(3);
  });

  it('accepts 100 resources', async () => {
    const other = await h.vendor();
    const resources = Array.from({ length: 100 }, () => resourceBody());
    const response = await call(h, 'POST', '/api/resources/bulk', other, { resources });
    expect(response.statusCode).toBe(201);
    expect(await countOf(other.business.id)).toBe(100);
  });

  it('refuses 101 resources and an empty list, storing nothing', async () => {
    const other = await h.vendor();
    const tooMany = Array.from({ length: 101 }, () => resourceBody());
    expect(
      (await call(h, 'POST', '/api/resources/bulk', other, { resources: tooMany })).statusCode,
    ).toBe(400);
    expect(
      (await call(h, 'POST', '/api/resources/bulk', other, { resources: [] })).statusCode,
    ).toBe(400);
    expect(await countOf(other.business.id)).toBe(0);
  });

  it('refuses the whole batch when one item is invalid, naming its index', async () => {
    const other = await h.vendor();
    const resources = [
      resourceBody(),
      resourceBody(),
      resourceBody({ price: '12.5' }),
      resourceBody(),
    ];
    const response = await call(h, 'POST', '/api/resources/bulk', other, { resources });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details?.fields).toEqual([
      expect.objectContaining({ field: 'body.resources.2.price' }),
    ]);
    expect(await countOf(other.business.id)).toBe(0);
  });

  it('refuses an item with an unknown field (businessId), naming its index', async () => {
    const other = await h.vendor();
    const resources = [resourceBody(), resourceBody({ businessId: vendor.business.id })];
    const response = await call(h, 'POST', '/api/resources/bulk', other, { resources });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details?.fields).toEqual([
      { field: 'body.resources.1.businessId', message: 'Unknown field' },
    ]);
    expect(await countOf(other.business.id)).toBe(0);
    expect(await countOf(vendor.business.id)).toBeGreaterThan(0);
  });

  it('refuses the whole batch when one item names a foreign category: 422 with its index', async () => {
    const other = await h.vendor();
    const foreign = await createCategory(h, vendor, 'Not yours');
    const resources = [resourceBody(), resourceBody({ categoryId: foreign.id })];
    const response = await call(h, 'POST', '/api/resources/bulk', other, { resources });
    expect(response.statusCode).toBe(422);
    expect(errorOf(response)).toMatchObject({
      code: 'INVALID_CATEGORY',
      details: { index: 1, categoryId: foreign.id },
    });
    expect(await countOf(other.business.id)).toBe(0);
  });

  it('refuses a body with other keys than resources, and a customer', async () => {
    const resources = [resourceBody()];
    const extra = await call(h, 'POST', '/api/resources/bulk', vendor, { resources, dryRun: true });
    expect(extra.statusCode).toBe(400);
    const customer = await h.actor('CUSTOMER');
    expect((await call(h, 'POST', '/api/resources/bulk', customer, { resources })).statusCode).toBe(
      403,
    );
  });

  it('refuses a vendor whose business is not ACTIVE and verified: 422, nothing stored', async () => {
    const pending = await h.vendor({ status: 'PENDING', isVerified: false });
    const resources = [resourceBody(), resourceBody()];
    const response = await call(h, 'POST', '/api/resources/bulk', pending, { resources });
    expect(response.statusCode).toBe(422);
    expect(errorOf(response).code).toBe('BUSINESS_NOT_ACTIVE');
    expect(await countOf(pending.business.id)).toBe(0);
  });
});
