import { BOOKING_RULE_DEFAULTS } from '@slotwise/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createResource,
  errorOf,
  resourceBody,
  startResource,
  type ResourceHarness,
  type ResourceJson,
  type Vendor,
} from './harness.js';

describe('bookingRules of a resource', () => {
  let h: ResourceHarness;
  let vendor: Vendor;
  beforeAll(async () => {
    h = await startResource();
    vendor = await h.vendor();
  });
  afterAll(async () => {
    await h.close();
  });

  const stored = async (id: string) =>
    (
      await h.sql<{ booking_rules: Record<string, unknown>; version: number }>(
        'SELECT booking_rules, version FROM resources WHERE id = $1',
        [id],
      )
    )[0];
  const updates = async (id: string) =>
    (
      await h.sql(`SELECT 1 FROM outbox WHERE aggregate_id = $1 AND type = 'resource.updated'`, [
        id,
      ])
    ).length;
  const patch = (id: string, body: unknown) =>
    call(h, 'PATCH', `/api/resources/${id}`, vendor, body);

  it('answers every rule with the defaults when none is given, and stores {}', async () => {
    const created = await createResource(h, vendor);
    expect(created.bookingRules).toEqual(BOOKING_RULE_DEFAULTS);
    expect(await stored(created.id)).toMatchObject({ booking_rules: {} });
    const read = await call(h, 'GET', `/api/resources/${created.id}`, vendor);
    expect(read.json<{ data: ResourceJson }>().data.bookingRules).toEqual(BOOKING_RULE_DEFAULTS);
  });

  it('stores only the rules given and answers them with the defaults filled in, in the list too', async () => {
    const rules = { slotMinutes: 30, bufferMinutes: 15, autoConfirm: true };
    const created = await createResource(h, vendor, { bookingRules: rules });
    expect(created.bookingRules).toEqual({ ...BOOKING_RULE_DEFAULTS, ...rules });
    expect(await stored(created.id)).toMatchObject({ booking_rules: rules });
    const list = await call(h, 'GET', `/api/resources?businessId=${vendor.business.id}`, vendor);
    const listed = list.json<{ data: ResourceJson[] }>().data.find((r) => r.id === created.id);
    expect(listed?.bookingRules).toEqual({ ...BOOKING_RULE_DEFAULTS, ...rules });
  });

  it.each([
    [
      'minDurationMinutes over maxDurationMinutes',
      { minDurationMinutes: 120, maxDurationMinutes: 60 },
      'body.bookingRules.minDurationMinutes',
    ],
    [
      'minDurationMinutes over the default maximum',
      { minDurationMinutes: 43_201 },
      'body.bookingRules.minDurationMinutes',
    ],
    [
      'a slot of 7 minutes (does not divide a day)',
      { slotMinutes: 7 },
      'body.bookingRules.slotMinutes',
    ],
    ['a slot under 5 minutes', { slotMinutes: 4 }, 'body.bookingRules.slotMinutes'],
    ['a fractional buffer', { bufferMinutes: 2.5 }, 'body.bookingRules.bufferMinutes'],
    ['a negative notice', { minNoticeMinutes: -1 }, 'body.bookingRules.minNoticeMinutes'],
    ['a horizon of 0 days', { maxAdvanceDays: 0 }, 'body.bookingRules.maxAdvanceDays'],
    ['autoConfirm as a string', { autoConfirm: 'yes' }, 'body.bookingRules.autoConfirm'],
    ['an unknown rule', { maxGuests: 4 }, 'body.bookingRules.maxGuests'],
    ['rules that are not an object', 'strict', 'body.bookingRules'],
  ])('refuses %s with 400 naming the field, storing nothing', async (_case, rules, field) => {
    const body = resourceBody({ bookingRules: rules });
    const response = await call(h, 'POST', '/api/resources', vendor, body);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    expect(errorOf(response).details?.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
    expect(await h.sql('SELECT 1 FROM resources WHERE name = $1', [body.name])).toEqual([]);
  });

  it('takes rules per item in bulk, and refuses the whole batch for one bad item, naming it', async () => {
    const ok = await call(h, 'POST', '/api/resources/bulk', vendor, {
      resources: [resourceBody({ bookingRules: { slotMinutes: 60 } }), resourceBody()],
    });
    expect(ok.statusCode).toBe(201);
    const [first, second] = ok.json<{ data: ResourceJson[] }>().data;
    expect(first?.bookingRules.slotMinutes).toBe(60);
    expect(second?.bookingRules).toEqual(BOOKING_RULE_DEFAULTS);

    const names = [resourceBody(), resourceBody({ bookingRules: { slotMinutes: 7 } })];
    const refused = await call(h, 'POST', '/api/resources/bulk', vendor, { resources: names });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).details?.fields).toEqual([
      expect.objectContaining({ field: 'body.resources.1.bookingRules.slotMinutes' }),
    ]);
    expect(await h.sql('SELECT 1 FROM resources WHERE name = $1', [names[0]!.name])).toEqual([]);
  });

  it('merges a PATCH into the stored rules, bumps the version and records resource.updated', async () => {
    const created = await createResource(h, vendor, {
      bookingRules: { slotMinutes: 30, bufferMinutes: 10 },
    });
    const response = await patch(created.id, { bookingRules: { autoConfirm: true } });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ data: ResourceJson }>().data.bookingRules).toEqual({
      ...BOOKING_RULE_DEFAULTS,
      slotMinutes: 30,
      bufferMinutes: 10,
      autoConfirm: true,
    });
    expect(await stored(created.id)).toEqual({
      booking_rules: { slotMinutes: 30, bufferMinutes: 10, autoConfirm: true },
      version: 2,
    });
    expect(await updates(created.id)).toBe(1);
  });

  it('clears slotMinutes with null: the default (no grid) applies again', async () => {
    const created = await createResource(h, vendor, {
      bookingRules: { slotMinutes: 15, minNoticeMinutes: 60 },
    });
    const response = await patch(created.id, { bookingRules: { slotMinutes: null } });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ data: ResourceJson }>().data.bookingRules).toMatchObject({
      slotMinutes: null,
      minNoticeMinutes: 60,
    });
    expect((await stored(created.id))?.booking_rules).toEqual({ minNoticeMinutes: 60 });
  });

  it('refuses a PATCH whose minimum passes the stored maximum, changing nothing', async () => {
    const created = await createResource(h, vendor, { bookingRules: { maxDurationMinutes: 60 } });
    const response = await patch(created.id, { bookingRules: { minDurationMinutes: 120 } });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details?.fields).toEqual([
      expect.objectContaining({ field: 'body.bookingRules.minDurationMinutes' }),
    ]);
    expect(await stored(created.id)).toEqual({
      booking_rules: { maxDurationMinutes: 60 },
      version: 1,
    });
    expect(await updates(created.id)).toBe(0);
  });

  it('refuses bad rules and unknown rule fields in a PATCH', async () => {
    const created = await createResource(h, vendor);
    for (const rules of [{ slotMinutes: 7 }, { turnover: 5 }, { bufferMinutes: null }]) {
      expect((await patch(created.id, { bookingRules: rules })).statusCode).toBe(400);
    }
    expect(await stored(created.id)).toEqual({ booking_rules: {}, version: 1 });
  });

  it('records nothing when the rules do not change (a default given is the default)', async () => {
    const created = await createResource(h, vendor, { bookingRules: { slotMinutes: 30 } });
    for (const rules of [{ slotMinutes: 30 }, { bufferMinutes: 0 }, {}]) {
      const response = await patch(created.id, { bookingRules: rules });
      expect(response.statusCode).toBe(200);
    }
    expect((await stored(created.id))?.version).toBe(1);
    expect(await updates(created.id)).toBe(0);
  });
});
