import { businessUpdatedData } from '@slotwise/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badFields,
  errorOf,
  startBusiness,
  type BusinessHarness,
  type BusinessJson,
  type Person,
} from './harness.js';

describe('PATCH /api/businesses/:id', () => {
  let h: BusinessHarness;
  let admin: Person;
  beforeAll(async () => {
    h = await startBusiness();
    admin = await h.person('ADMIN');
  });
  afterAll(async () => {
    await h.close();
  });

  const patch = (id: string, who: Person, body: unknown) =>
    h.call('PATCH', `/api/businesses/${id}`, who, body);

  it('lets the owner edit the profile, bumps the version and announces the new summary', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner, { description: 'Old', phone: '+1 555 0100' });
    const response = await patch(business.id, owner, {
      name: '  Renamed Place  ',
      timezone: 'America/New_York',
      description: null,
      address: '5th Avenue',
    });

    expect(response.statusCode).toBe(200);
    const updated = response.json<{ data: BusinessJson }>().data;
    expect(updated).toMatchObject({
      id: business.id,
      ownerId: owner.id,
      name: 'Renamed Place',
      timezone: 'America/New_York',
      description: null,
      address: '5th Avenue',
      phone: '+1 555 0100',
      status: 'PENDING',
      isVerified: false,
    });
    expect(await h.row(business.id)).toMatchObject({
      name: 'Renamed Place',
      description: null,
      address: '5th Avenue',
      version: 2,
    });
    const events = await h.events(business.id);
    expect(events.map((e) => [e.type, e.version])).toEqual([
      ['business.created', 1],
      ['business.updated', 2],
    ]);
    expect(businessUpdatedData.parse(events[1]?.payload.data)).toMatchObject({
      name: 'Renamed Place',
      timezone: 'America/New_York',
      changedBy: owner.id,
    });
  });

  it('changes nothing and announces nothing when the values are the ones stored', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner);
    const response = await patch(business.id, owner, { name: business.name });
    expect(response.statusCode).toBe(200);
    expect((await h.row(business.id))?.version).toBe(1);
    expect(await h.events(business.id)).toHaveLength(1);
  });

  it('lets an admin edit any business, including a suspended one', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner);
    await h.call('PATCH', `/api/businesses/${business.id}/status`, admin, { status: 'SUSPENDED' });
    const response = await patch(business.id, admin, { name: 'Cleaned up by an admin' });
    expect(response.statusCode).toBe(200);
    expect((await h.row(business.id))?.name).toBe('Cleaned up by an admin');
  });

  it('refuses fields that are not the profile’s: owner, status, verification, type', async () => {
    const owner = await h.person('VENDOR');
    const other = await h.person('VENDOR');
    const business = await h.createBusiness(owner);
    const response = await patch(business.id, owner, {
      name: 'Fine',
      ownerId: other.id,
      status: 'ACTIVE',
      isVerified: true,
      verifiedAt: new Date().toISOString(),
      type: 'CLINIC',
      id: crypto.randomUUID(),
    });

    expect(response.statusCode).toBe(400);
    expect(badFields(response).sort()).toEqual([
      'body.id',
      'body.isVerified',
      'body.ownerId',
      'body.status',
      'body.type',
      'body.verifiedAt',
    ]);
    expect(await h.row(business.id)).toMatchObject({
      owner_id: owner.id,
      name: business.name,
      status: 'PENDING',
      is_verified: false,
      type: 'HOTEL',
      version: 1,
    });
  });

  it.each<[string, unknown, string]>([
    ['an empty body', {}, 'body'],
    ['a null name', { name: null }, 'body.name'],
    ['a name of the wrong type', { name: ['x'] }, 'body.name'],
    ['an unknown time zone', { timezone: 'Europe/Atlantis' }, 'body.timezone'],
    ['a null time zone', { timezone: null }, 'body.timezone'],
    ['an address over 500 characters', { address: 'x'.repeat(501) }, 'body.address'],
    ['a malformed email', { email: 'nobody' }, 'body.email'],
  ])('refuses %s with 400', async (_label, body, field) => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner);
    const response = await patch(business.id, owner, body);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    expect(badFields(response)).toContain(field);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const owner = await h.person('VENDOR');
    const unknown = await patch(crypto.randomUUID(), owner, { name: 'X' });
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown).code).toBe('NOT_FOUND');
    const malformed = await patch('123', owner, { name: 'X' });
    expect(malformed.statusCode).toBe(400);
    expect(badFields(malformed)).toContain('params.id');
  });

  it('keeps vendors out of each other’s business: 404 while hidden, 403 once visible', async () => {
    const owner = await h.person('VENDOR');
    const intruder = await h.person('VENDOR');
    const business = await h.createBusiness(owner);

    const hidden = await patch(business.id, intruder, { name: 'Hijacked' });
    expect(hidden.statusCode).toBe(404);
    expect(errorOf(hidden).code).toBe('NOT_FOUND');

    await h.call('PATCH', `/api/businesses/${business.id}/verify`, admin);
    const visible = await patch(business.id, intruder, { name: 'Hijacked' });
    expect(visible.statusCode).toBe(403);
    expect(errorOf(visible).code).toBe('FORBIDDEN');
    expect((await h.row(business.id))?.name).toBe(business.name);
  });

  it('refuses customers whatever the business', async () => {
    const business = await h.createBusiness(await h.person('VENDOR'), {}, { verifiedBy: admin });
    const response = await patch(business.id, await h.person('CUSTOMER'), { name: 'Mine now' });
    expect(response.statusCode).toBe(403);
    expect(
      (await h.call('PATCH', `/api/businesses/${business.id}`, undefined, {})).statusCode,
    ).toBe(401);
  });

  it('leaves a suspended business to admins (owner 403) and a deleted one alone (409)', async () => {
    const owner = await h.person('VENDOR');
    const suspended = await h.createBusiness(owner);
    await h.call('PATCH', `/api/businesses/${suspended.id}/status`, admin, { status: 'SUSPENDED' });
    const refused = await patch(suspended.id, owner, { name: 'Back in business' });
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('FORBIDDEN');

    const otherOwner = await h.person('VENDOR');
    const deleted = await h.createBusiness(otherOwner);
    await h.call('DELETE', `/api/businesses/${deleted.id}`, otherOwner);
    for (const who of [otherOwner, admin]) {
      const response = await patch(deleted.id, who, { name: 'Revived' });
      expect(response.statusCode, who.role).toBe(409);
      expect(errorOf(response).code).toBe('BUSINESS_DELETED');
    }
    expect((await h.row(deleted.id))?.name).toBe(deleted.name);
  });
});
