import { businessUpdatedData, versionedBusiness } from '@slotwise/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badFields,
  businessInput,
  errorOf,
  startBusiness,
  type BusinessHarness,
  type BusinessJson,
  type Person,
} from './harness.js';

describe('confirmationWindowMinutes', () => {
  let h: BusinessHarness;
  let admin: Person;
  beforeAll(async () => {
    h = await startBusiness();
    admin = await h.person('ADMIN');
  });
  afterAll(async () => {
    await h.close();
  });

  it('defaults to 1440 minutes, in the response, the row and the created event', async () => {
    const business = await h.createBusiness(await h.person('VENDOR'));
    expect(business.confirmationWindowMinutes).toBe(1440);
    expect((await h.row(business.id))?.confirmation_window_minutes).toBe(1440);
    expect((await h.events(business.id))[0]?.payload.data).toMatchObject({
      confirmationWindowMinutes: 1440,
    });
  });

  it('is set on create and shown by every business response', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(
      owner,
      { confirmationWindowMinutes: 30 },
      { verifiedBy: admin },
    );
    expect(business.confirmationWindowMinutes).toBe(30);
    expect((await h.row(business.id))?.confirmation_window_minutes).toBe(30);
    for (const [path, who] of [
      [`/api/businesses/${business.id}`, undefined],
      ['/api/businesses/me', owner],
    ] as const) {
      const response = await h.call('GET', path, who);
      expect(response.json<{ data: BusinessJson }>().data.confirmationWindowMinutes, path).toBe(30);
    }
    const list = await h.call('GET', '/api/businesses?limit=100');
    const listed = list.json<{ data: BusinessJson[] }>().data.find((b) => b.id === business.id);
    expect(listed?.confirmationWindowMinutes).toBe(30);
  });

  it('is patched by the owner, with a new version and a business.updated event carrying it', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner);
    const response = await h.call('PATCH', `/api/businesses/${business.id}`, owner, {
      confirmationWindowMinutes: 10_080,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ data: BusinessJson }>().data.confirmationWindowMinutes).toBe(10_080);
    expect(await h.row(business.id)).toMatchObject({
      confirmation_window_minutes: 10_080,
      version: 2,
    });
    const events = await h.events(business.id);
    expect(events.map((e) => [e.type, e.version])).toEqual([
      ['business.created', 1],
      ['business.updated', 2],
    ]);
    expect(businessUpdatedData.parse(events[1]?.payload.data)).toMatchObject({
      confirmationWindowMinutes: 10_080,
      changedBy: owner.id,
    });
    // The internal summary carries it too.
    const internal = await h.call(
      'GET',
      `/internal/businesses/${business.id}`,
      await h.serviceToken(),
    );
    expect(versionedBusiness.parse(internal.json<{ data: unknown }>().data)).toMatchObject({
      confirmationWindowMinutes: 10_080,
      version: 2,
    });
  });

  it.each([4, 10_081, 60.5, '60', null])(
    'refuses %j with 400 on create and on PATCH',
    async (value) => {
      const vendor = await h.person('VENDOR');
      const created = await h.call(
        'POST',
        '/api/businesses',
        vendor,
        businessInput({ confirmationWindowMinutes: value as number }),
      );
      expect(created.statusCode).toBe(400);
      expect(errorOf(created).code).toBe('VALIDATION_ERROR');
      expect(badFields(created)).toEqual(['body.confirmationWindowMinutes']);

      const business = await h.createBusiness(vendor);
      const patched = await h.call('PATCH', `/api/businesses/${business.id}`, vendor, {
        confirmationWindowMinutes: value,
      });
      expect(patched.statusCode).toBe(400);
      expect(badFields(patched)).toEqual(['body.confirmationWindowMinutes']);
      expect(await h.row(business.id)).toMatchObject({
        confirmation_window_minutes: 1440,
        version: 1,
      });
    },
  );

  it('is held to 5..10080 by the database too', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner);
    await expect(
      h.container.pool.query(
        'UPDATE businesses SET confirmation_window_minutes = 4 WHERE id = $1',
        [business.id],
      ),
    ).rejects.toThrow(/businesses_confirmation_window_range/);
  });
});
