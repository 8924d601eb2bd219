import { businessScheduleChangedData, versionedBusiness } from '@slotwise/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorOf,
  startBusiness,
  type BusinessHarness,
  type BusinessJson,
  type Person,
} from './harness.js';

const weekly = {
  MON: [
    ['09:00', '12:00'],
    ['13:00', '17:30'],
  ],
  SAT: [['10:00', '24:00']],
};
const christmas = { date: '2026-12-25', intervals: [] };
const christmasEve = { date: '2026-12-24', intervals: [['09:00', '13:00']] };
const alwaysOpen = { weekly: null, overrides: [] };

describe('business schedule', () => {
  let h: BusinessHarness;
  let admin: Person;
  beforeAll(async () => {
    h = await startBusiness();
    admin = await h.person('ADMIN');
  });
  afterAll(async () => {
    await h.close();
  });

  const url = (business: BusinessJson) => `/api/businesses/${business.id}/schedule`;
  const expectRefusal = (
    response: Awaited<ReturnType<BusinessHarness['call']>>,
    status: number,
    code: string,
  ) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(errorOf(response).code).toBe(code);
  };

  it('is open around the clock until the owner sets hours', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner, { timezone: 'Europe/Paris' });
    const response = await h.call('GET', url(business), owner);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ data: { timezone: 'Europe/Paris', ...alwaysOpen } });
    expect((await h.row(business.id))?.schedule).toBeNull();
  });

  it('round-trips PUT, GET and DELETE, storing the hours and announcing each change with a new version', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(
      owner,
      { timezone: 'Europe/Paris' },
      { verifiedBy: admin },
    );

    // Overrides are stored by date, whatever order they came in.
    const put = await h.call('PUT', url(business), owner, {
      weekly,
      overrides: [christmas, christmasEve],
    });
    const stored = { weekly, overrides: [christmasEve, christmas] };
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ data: { timezone: 'Europe/Paris', ...stored } });
    expect(await h.row(business.id)).toMatchObject({ schedule: stored, version: 3 });
    const read = await h.call('GET', url(business), owner);
    expect(read.json()).toEqual(put.json());

    const removed = await h.call('DELETE', url(business), owner);
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe('');
    expect(await h.row(business.id)).toMatchObject({ schedule: null, version: 4 });
    expect((await h.call('GET', url(business), owner)).json()).toEqual({
      data: { timezone: 'Europe/Paris', ...alwaysOpen },
    });

    const events = await h.events(business.id);
    expect(events.map((e) => [e.type, e.version])).toEqual([
      ['business.created', 1],
      ['business.verified', 2],
      ['business.schedule_changed', 3],
      ['business.schedule_changed', 4],
    ]);
    expect(events[2]?.payload).toMatchObject({ type: 'business.schedule_changed', version: 3 });
    expect(businessScheduleChangedData.parse(events[2]?.payload.data)).toEqual({
      id: business.id,
      name: business.name,
      ownerId: owner.id,
      status: 'ACTIVE',
      isVerified: true,
      timezone: 'Europe/Paris',
      confirmationWindowMinutes: 1440,
      paymentMode: 'NONE',
      cancellationPolicy: { freeCancellationHours: 24, lateRefundPercent: 0 },
      maintenancePolicy: 'KEEP',
      schedule: stored,
      changedBy: owner.id,
    });
    expect(businessScheduleChangedData.parse(events[3]?.payload.data)).toMatchObject({
      schedule: alwaysOpen,
      changedBy: owner.id,
    });
  });

  it('replaces the whole schedule on every PUT, and an admin may set it', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner);
    await h.call('PUT', url(business), owner, { weekly, overrides: [christmas] });
    const response = await h.call('PUT', url(business), admin, {
      weekly: { SUN: [['08:00', '09:00']] },
    });
    expect(response.statusCode, response.body).toBe(200);
    const replaced = { weekly: { SUN: [['08:00', '09:00']] }, overrides: [] };
    expect(await h.row(business.id)).toMatchObject({ schedule: replaced, version: 3 });
    const last = (await h.events(business.id)).at(-1);
    expect(businessScheduleChangedData.parse(last?.payload.data)).toMatchObject({
      schedule: replaced,
      changedBy: admin.id,
    });
  });

  it('lets only the owner and admins change it: 403 for another vendor and customers, 401 anonymous', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner, {}, { verifiedBy: admin });
    const otherVendor = await h.person('VENDOR');
    await h.createBusiness(otherVendor);
    const customer = await h.person('CUSTOMER');

    for (const who of [otherVendor, customer]) {
      expectRefusal(await h.call('PUT', url(business), who, { weekly }), 403, 'FORBIDDEN');
      expectRefusal(await h.call('DELETE', url(business), who), 403, 'FORBIDDEN');
    }
    // A customer is refused before the body is looked at.
    expectRefusal(await h.call('PUT', url(business), customer, { nonsense: 1 }), 403, 'FORBIDDEN');
    expectRefusal(
      await h.call('PUT', url(business), undefined, { weekly }),
      401,
      'UNAUTHENTICATED',
    );
    expectRefusal(await h.call('DELETE', url(business)), 401, 'UNAUTHENTICATED');
    expect(await h.row(business.id)).toMatchObject({ schedule: null, version: 2 });
    expect(await h.events(business.id)).toHaveLength(2);
  });

  it('hides the schedule of a business that is not ACTIVE from everyone but its owner and admins', async () => {
    const owner = await h.person('VENDOR');
    const pending = await h.createBusiness(owner);
    await h.call('PUT', url(pending), owner, { weekly });
    const otherVendor = await h.person('VENDOR');
    for (const who of [owner, admin]) {
      const response = await h.call('GET', url(pending), who);
      expect(response.statusCode, who.role).toBe(200);
      expect(response.json<{ data: { weekly: unknown } }>().data.weekly).toEqual(weekly);
    }
    for (const who of [undefined, otherVendor, await h.person('CUSTOMER')]) {
      expectRefusal(await h.call('GET', url(pending), who), 404, 'NOT_FOUND');
    }
    // Changing it is a 404 too: another vendor cannot learn that it exists.
    expectRefusal(await h.call('PUT', url(pending), otherVendor, { weekly }), 404, 'NOT_FOUND');
    expectRefusal(await h.call('DELETE', url(pending), otherVendor), 404, 'NOT_FOUND');
  });

  it('shows the schedule of an ACTIVE business to anonymous visitors; a bad token is still a 401', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(
      owner,
      { timezone: 'Asia/Tokyo' },
      { verifiedBy: admin },
    );
    await h.call('PUT', url(business), owner, { weekly, overrides: [christmas] });
    const response = await h.call('GET', url(business));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      data: { timezone: 'Asia/Tokyo', weekly, overrides: [christmas] },
    });
    expectRefusal(await h.call('GET', url(business), 'not-a-token'), 401, 'UNAUTHENTICATED');
    expectRefusal(
      await h.call('GET', `/api/businesses/${crypto.randomUUID()}/schedule`),
      404,
      'NOT_FOUND',
    );
    expectRefusal(await h.call('GET', '/api/businesses/x/schedule'), 400, 'VALIDATION_ERROR');
  });

  it('follows the life cycle: not the owner’s while SUSPENDED (403), nobody’s once DELETED (409)', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner, {}, { verifiedBy: admin });
    await h.call('PATCH', `/api/businesses/${business.id}/status`, admin, { status: 'SUSPENDED' });
    expectRefusal(await h.call('PUT', url(business), owner, { weekly }), 403, 'FORBIDDEN');
    expect((await h.call('PUT', url(business), admin, { weekly })).statusCode).toBe(200);
    await h.call('DELETE', `/api/businesses/${business.id}`, admin);
    for (const who of [owner, admin]) {
      expectRefusal(await h.call('DELETE', url(business), who), 409, 'BUSINESS_DELETED');
    }
  });

  it('gives other services the schedule in the internal summary, with the version', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner);
    const serviceToken = await h.serviceToken();
    const internal = async () => {
      const response = await h.call('GET', `/internal/businesses/${business.id}`, serviceToken);
      expect(response.statusCode).toBe(200);
      return versionedBusiness.parse(response.json<{ data: unknown }>().data);
    };
    expect(await internal()).toMatchObject({ version: 1, schedule: alwaysOpen });
    await h.call('PUT', url(business), owner, { weekly, overrides: [christmas] });
    expect(await internal()).toMatchObject({
      version: 2,
      schedule: { weekly, overrides: [christmas] },
      confirmationWindowMinutes: 1440,
    });
  });
});
