import type { Schedule } from '@slotwise/contracts';
import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createResource,
  errorOf,
  startResource,
  type Actor,
  type ResourceHarness,
  type Vendor,
} from './harness.js';

const BUSINESS_HOURS: Schedule = {
  weekly: { MON: [['09:00', '17:00']], TUE: [['09:00', '17:00']] },
  overrides: [{ date: '2026-12-25', intervals: [] }],
};

describe('a resource’s own schedule: GET, PUT, DELETE /api/resources/:id/schedule', () => {
  let h: ResourceHarness;
  let owner: Vendor;
  let other: Vendor;
  let customer: Actor;
  let admin: Actor;
  beforeAll(async () => {
    h = await startResource();
    owner = await h.vendor({ timezone: 'Europe/Paris' });
    [other, customer, admin] = await Promise.all([
      h.vendor(),
      h.actor('CUSTOMER'),
      h.actor('ADMIN'),
    ]);
  });
  afterAll(async () => {
    await h.close();
  });

  const url = (id: string) => `/api/resources/${id}/schedule`;
  const stored = async (id: string) =>
    (
      await h.sql<{ schedule: Schedule | null; version: number }>(
        'SELECT schedule, version FROM resources WHERE id = $1',
        [id],
      )
    )[0];
  const updates = (id: string) =>
    h.sql<{ version: number }>(
      `SELECT version FROM outbox WHERE aggregate_id = $1 AND type = 'resource.updated' ORDER BY seq`,
      [id],
    );

  it('inherits the business’s schedule until it has its own, and again once that is removed', async () => {
    const resource = await createResource(h, owner);
    // The business has none yet: open around the clock, in the business's time zone.
    const before = await call(h, 'GET', url(resource.id), customer);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({
      data: { timezone: 'Europe/Paris', weekly: null, overrides: [], inherited: true },
    });

    await h.publishBusiness(
      'business.schedule_changed',
      { ...owner.business, schedule: BUSINESS_HOURS },
      2,
    );
    await waitFor(async () =>
      expect((await call(h, 'GET', url(resource.id), customer)).json()).toEqual({
        data: { timezone: 'Europe/Paris', ...BUSINESS_HOURS, inherited: true },
      }),
    );

    const own = {
      weekly: { SAT: [['10:00', '24:00']] },
      overrides: [
        { date: '2026-12-31', intervals: [['10:00', '16:00']] },
        { date: '2026-12-24', intervals: [] },
      ],
    };
    const put = await call(h, 'PUT', url(resource.id), owner, own);
    expect(put.statusCode).toBe(200);
    // Stored and answered normalised: overrides by date.
    const normalised = { weekly: own.weekly, overrides: [own.overrides[1], own.overrides[0]] };
    expect(put.json()).toEqual({
      data: { timezone: 'Europe/Paris', ...normalised, inherited: false },
    });
    expect(await stored(resource.id)).toEqual({ schedule: normalised, version: 2 });
    expect(await updates(resource.id)).toEqual([{ version: 2 }]);
    expect((await call(h, 'GET', url(resource.id), customer)).json()).toEqual(put.json());

    const removed = await call(h, 'DELETE', url(resource.id), owner);
    expect(removed.statusCode).toBe(204);
    expect(await stored(resource.id)).toEqual({ schedule: null, version: 3 });
    expect(await updates(resource.id)).toEqual([{ version: 2 }, { version: 3 }]);
    expect((await call(h, 'GET', url(resource.id), customer)).json()).toEqual({
      data: { timezone: 'Europe/Paris', ...BUSINESS_HOURS, inherited: true },
    });
  });

  it('records nothing for the same schedule again, nor for removing one it does not have', async () => {
    const resource = await createResource(h, owner);
    const hours = { weekly: { FRI: [['08:00', '12:00']] } };
    expect((await call(h, 'PUT', url(resource.id), owner, hours)).statusCode).toBe(200);
    expect((await call(h, 'PUT', url(resource.id), owner, hours)).statusCode).toBe(200);
    expect((await call(h, 'DELETE', url(resource.id), owner)).statusCode).toBe(204);
    expect((await call(h, 'DELETE', url(resource.id), owner)).statusCode).toBe(204);
    expect(await updates(resource.id)).toEqual([{ version: 2 }, { version: 3 }]);
  });

  it('lets an ADMIN set and remove it; weekly null is open around the clock', async () => {
    const resource = await createResource(h, owner);
    const put = await call(h, 'PUT', url(resource.id), admin, { weekly: null });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ data: { weekly: null, overrides: [], inherited: false } });
    expect((await stored(resource.id))?.schedule).toEqual({ weekly: null, overrides: [] });
    expect((await call(h, 'DELETE', url(resource.id), admin)).statusCode).toBe(204);
    expect((await stored(resource.id))?.schedule).toBeNull();
  });

  it('refuses the owner of another business with 403 and a customer with 403, changing nothing', async () => {
    const resource = await createResource(h, owner);
    const hours = { weekly: { MON: [['09:00', '10:00']] } };
    for (const who of [other, customer]) {
      const put = await call(h, 'PUT', url(resource.id), who, hours);
      expect(put.statusCode).toBe(403);
      expect(errorOf(put).code).toBe('FORBIDDEN');
      expect((await call(h, 'DELETE', url(resource.id), who)).statusCode).toBe(403);
    }
    expect(await stored(resource.id)).toEqual({ schedule: null, version: 1 });
  });

  it.each([
    ['an interval that ends before it starts', { weekly: { MON: [['10:00', '09:00']] } }],
    [
      'overlapping intervals',
      {
        weekly: {
          MON: [
            ['09:00', '12:00'],
            ['11:00', '13:00'],
          ],
        },
      },
    ],
    ['a time past 24:00', { weekly: { MON: [['09:00', '24:30']] } }],
    ['an unknown day', { weekly: { MONDAY: [['09:00', '10:00']] } }],
    ['no weekly at all', { overrides: [] }],
    [
      'two overrides for one date',
      {
        weekly: null,
        overrides: [
          { date: '2026-12-24', intervals: [] },
          { date: '2026-12-24', intervals: [['09:00', '10:00']] },
        ],
      },
    ],
    ['an unknown field', { weekly: null, timezone: 'UTC' }],
  ])('refuses %s with 400, storing nothing', async (_case, body) => {
    const resource = await createResource(h, owner);
    const response = await call(h, 'PUT', url(resource.id), owner, body);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    expect(await stored(resource.id)).toEqual({ schedule: null, version: 1 });
  });

  it('is seen as the resource is: an INACTIVE one only by its owner and ADMIN; 404 for a deleted or unknown one', async () => {
    const resource = await createResource(h, owner);
    await call(h, 'PATCH', `/api/resources/${resource.id}/status`, owner, { status: 'INACTIVE' });
    expect((await call(h, 'GET', url(resource.id), owner)).statusCode).toBe(200);
    expect((await call(h, 'GET', url(resource.id), admin)).statusCode).toBe(200);
    expect((await call(h, 'GET', url(resource.id), customer)).statusCode).toBe(404);
    // Not visible to another vendor: 404, not 403, so its existence does not leak.
    const hidden = await call(h, 'PUT', url(resource.id), other, { weekly: null });
    expect(hidden.statusCode).toBe(404);

    await call(h, 'DELETE', `/api/resources/${resource.id}`, owner);
    expect((await call(h, 'GET', url(resource.id), owner)).statusCode).toBe(404);
    expect((await call(h, 'PUT', url(resource.id), owner, { weekly: null })).statusCode).toBe(404);
    const unknown = url('5b0f1c1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b');
    expect((await call(h, 'GET', unknown, owner)).statusCode).toBe(404);
    expect((await call(h, 'GET', url('nope'), owner)).statusCode).toBe(400);
  });
});
