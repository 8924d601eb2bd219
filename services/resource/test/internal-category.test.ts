import {
  ALWAYS_OPEN,
  BOOKING_RULE_DEFAULTS,
  categoryResources,
  resourceSnapshot,
  type ResourceSnapshot,
  type Schedule,
} from '@slotwise/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bookingHeaders,
  call,
  createCategory,
  createResource,
  errorOf,
  startResource,
  type ResourceHarness,
  type Vendor,
} from './harness.js';

const BUSINESS_HOURS: Schedule = { weekly: { MON: [['08:00', '18:00']] }, overrides: [] };
const OWN_HOURS: Schedule = {
  weekly: { SAT: [['10:00', '14:00']] },
  overrides: [{ date: '2026-12-26', intervals: [] }],
};

describe('what booking reads: snapshots with rules and hours, and a category’s resources', () => {
  let h: ResourceHarness;
  let vendor: Vendor;
  let booking: Record<string, string>;
  beforeAll(async () => {
    h = await startResource();
    // The business service answers with its confirmation window and its opening hours: the
    // first lookup seeds the read model with both.
    vendor = await h.vendor({ timezone: 'Asia/Tokyo', confirmationWindowMinutes: 90 });
    h.upstreams.businesses.set(vendor.business.id, {
      ...vendor.business,
      schedule: BUSINESS_HOURS,
    });
    booking = await bookingHeaders(h);
  });
  afterAll(async () => {
    await h.close();
  });

  const get = (url: string, headers: Record<string, string> = booking) =>
    h.app.inject({ method: 'GET', url, headers });
  const snapshot = async (id: string): Promise<ResourceSnapshot> =>
    resourceSnapshot.parse((await get(`/internal/resources/${id}`)).json<{ data: unknown }>().data);
  const ofCategory = async (id: string): Promise<ResourceSnapshot[]> => {
    const response = await get(`/internal/categories/${id}/resources`);
    expect(response.statusCode).toBe(200);
    return categoryResources.parse(response.json<{ data: unknown }>().data);
  };

  it('carries the category, the rules with defaults, the business’s hours and its confirmation window', async () => {
    const category = await createCategory(h, vendor, 'Twin rooms');
    const resource = await createResource(h, vendor, {
      categoryId: category.id,
      bookingRules: { slotMinutes: 30, bufferMinutes: 15 },
    });
    expect(await snapshot(resource.id)).toMatchObject({
      id: resource.id,
      categoryId: category.id,
      bookingRules: { ...BOOKING_RULE_DEFAULTS, slotMinutes: 30, bufferMinutes: 15 },
      schedule: BUSINESS_HOURS,
      business: { ...vendor.business, confirmationWindowMinutes: 90 },
    });
  });

  it('carries the resource’s own hours while it has them, the business’s otherwise', async () => {
    const resource = await createResource(h, vendor);
    await call(h, 'PUT', `/api/resources/${resource.id}/schedule`, vendor, OWN_HOURS);
    expect((await snapshot(resource.id)).schedule).toEqual(OWN_HOURS);
    await call(h, 'DELETE', `/api/resources/${resource.id}/schedule`, vendor);
    expect((await snapshot(resource.id)).schedule).toEqual(BUSINESS_HOURS);
  });

  it('carries "open around the clock" when neither has hours', async () => {
    const other = await h.vendor();
    const resource = await createResource(h, other);
    // Known from events that never carried hours: no schedule in the read model.
    await h.sql('UPDATE businesses SET schedule = NULL WHERE id = $1', [other.business.id]);
    const taken = await snapshot(resource.id);
    expect(taken.schedule).toEqual(ALWAYS_OPEN);
    expect(taken.bookingRules).toEqual(BOOKING_RULE_DEFAULTS);
    const view = await call(h, 'GET', `/api/resources/${resource.id}/schedule`, other);
    expect(view.json()).toEqual({ data: { timezone: 'UTC', ...ALWAYS_OPEN, inherited: true } });
  });

  it('lists a category’s ACTIVE resources only, the first created first, ties by id', async () => {
    const category = await createCategory(h, vendor, 'Doubles');
    const elsewhere = await createCategory(h, vendor, 'Singles');
    const first = await createResource(h, vendor, { categoryId: category.id });
    const inactive = await createResource(h, vendor, { categoryId: category.id });
    const repair = await createResource(h, vendor, { categoryId: category.id });
    const deleted = await createResource(h, vendor, { categoryId: category.id });
    const [tieA, tieB] = [
      await createResource(h, vendor, { categoryId: category.id }),
      await createResource(h, vendor, { categoryId: category.id }),
    ];
    await createResource(h, vendor, { categoryId: elsewhere.id });
    await createResource(h, vendor);
    await call(h, 'PATCH', `/api/resources/${inactive.id}/status`, vendor, { status: 'INACTIVE' });
    await call(h, 'PATCH', `/api/resources/${repair.id}/status`, vendor, { status: 'MAINTENANCE' });
    await call(h, 'DELETE', `/api/resources/${deleted.id}`, vendor);
    // The oldest created last, and two created at the same instant: the order is the stored one.
    await h.sql(`UPDATE resources SET created_at = now() - interval '1 day' WHERE id = $1`, [
      tieA.id,
    ]);
    await h.sql(`UPDATE resources SET created_at = now() + interval '1 day' WHERE id = ANY($1)`, [
      [first.id, tieB.id],
    ]);
    const [low, high] = [first.id, tieB.id].sort();

    const listed = await ofCategory(category.id);
    expect(listed.map((r) => r.id)).toEqual([tieA.id, low, high]);
    expect(listed.every((r) => r.status === 'ACTIVE' && r.categoryId === category.id)).toBe(true);
    expect(listed[0]).toEqual(await snapshot(tieA.id));
  });

  it('answers an empty list for a category without ACTIVE resources, 404 for an unknown one', async () => {
    const empty = await createCategory(h, vendor, 'Empty');
    expect(await ofCategory(empty.id)).toEqual([]);
    const unknown = await get(
      '/internal/categories/5b0f1c1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/resources',
    );
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown).code).toBe('NOT_FOUND');
    expect((await get('/internal/categories/nope/resources')).statusCode).toBe(400);
  });

  it('takes service tokens for this service only', async () => {
    const category = await createCategory(h, vendor, 'Guarded');
    const url = `/internal/categories/${category.id}/resources`;
    expect((await get(url, {})).statusCode).toBe(401);
    expect((await get(url, vendor.headers)).statusCode).toBe(401);
    const notService = await h.testEnv.keys.sign({ role: 'CUSTOMER', aud: 'resource' });
    expect((await get(url, { authorization: `Bearer ${notService}` })).statusCode).toBe(403);
  });
});
