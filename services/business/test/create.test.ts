import { businessSummary } from '@slotwise/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badFields,
  businessInput,
  errorOf,
  startBusiness,
  type BusinessHarness,
  type BusinessJson,
} from './harness.js';

describe('POST /api/businesses', () => {
  let h: BusinessHarness;
  beforeAll(async () => {
    h = await startBusiness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('creates the vendor’s business PENDING and unverified, stores it and announces it', async () => {
    const vendor = await h.person('VENDOR');
    const input = businessInput({
      type: 'CLINIC',
      description: 'Walk-ins welcome.\nParking at the back.',
      email: 'Front.Desk@Example.com',
      phone: '+33 1 23 45 67 89',
      address: '1 Rue de Rivoli\n75001 Paris',
      timezone: 'Europe/Paris',
    });
    const response = await h.call('POST', '/api/businesses', vendor, input);

    expect(response.statusCode).toBe(201);
    const business = response.json<{ data: BusinessJson }>().data;
    expect(business).toEqual({
      id: expect.any(String),
      ownerId: vendor.id,
      name: input.name,
      description: input.description,
      type: 'CLINIC',
      email: 'front.desk@example.com',
      phone: '+33 1 23 45 67 89',
      address: input.address,
      timezone: 'Europe/Paris',
      confirmationWindowMinutes: 1440,
      paymentMode: 'NONE',
      cancellationPolicy: { freeCancellationHours: 24, lateRefundPercent: 0 },
      maintenancePolicy: 'KEEP',
      status: 'PENDING',
      isVerified: false,
      verifiedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await h.row(business.id)).toMatchObject({
      owner_id: vendor.id,
      status: 'PENDING',
      is_verified: false,
      verified_at: null,
      version: 1,
      timezone: 'Europe/Paris',
    });
    const events = await h.events(business.id);
    expect(events.map((e) => [e.type, e.version])).toEqual([['business.created', 1]]);
    expect(businessSummary.parse(events[0]?.payload.data)).toEqual({
      id: business.id,
      name: input.name,
      ownerId: vendor.id,
      status: 'PENDING',
      isVerified: false,
      timezone: 'Europe/Paris',
      confirmationWindowMinutes: 1440,
      paymentMode: 'NONE',
      cancellationPolicy: { freeCancellationHours: 24, lateRefundPercent: 0 },
      maintenancePolicy: 'KEEP',
    });
  });

  it('defaults the time zone to UTC and stores a zone alias under its listed name', async () => {
    const plain = await h.createBusiness(await h.person('VENDOR'));
    expect(plain.timezone).toBe('UTC');
    const alias = await h.createBusiness(await h.person('VENDOR'), { timezone: 'Etc/UTC' });
    expect(alias.timezone).toBe('UTC');
    const lower = await h.createBusiness(await h.person('VENDOR'), { timezone: 'europe/paris' });
    expect(lower.timezone).toBe('Europe/Paris');
  });

  it('refuses a body that tries to set the owner, status, verification or id, naming each field', async () => {
    const vendor = await h.person('VENDOR');
    const other = await h.person('VENDOR');
    const response = await h.call('POST', '/api/businesses', vendor, {
      ...businessInput(),
      ownerId: other.id,
      status: 'ACTIVE',
      isVerified: true,
      verifiedAt: new Date().toISOString(),
      id: crypto.randomUUID(),
    });

    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    expect(badFields(response).sort()).toEqual([
      'body.id',
      'body.isVerified',
      'body.ownerId',
      'body.status',
      'body.verifiedAt',
    ]);
    const { rows } = await h.container.pool.query(
      'SELECT 1 FROM businesses WHERE owner_id = ANY($1::uuid[])',
      [[vendor.id, other.id]],
    );
    expect(rows).toHaveLength(0);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a missing name', { name: undefined }, 'body.name'],
    ['a name of the wrong type', { name: 42 }, 'body.name'],
    ['a blank name', { name: '   ' }, 'body.name'],
    ['a name over 200 characters', { name: 'n'.repeat(201) }, 'body.name'],
    ['a name with a control character', { name: 'Bad\u0007name' }, 'body.name'],
    ['an unknown type', { type: 'CASINO' }, 'body.type'],
    ['a malformed email', { email: 'not-an-email' }, 'body.email'],
    ['a malformed phone', { phone: 'call me' }, 'body.phone'],
    ['an address over 500 characters', { address: 'a'.repeat(501) }, 'body.address'],
    ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'body.timezone'],
    ['a time zone of the wrong type', { timezone: 1 }, 'body.timezone'],
    ['a null description', { description: null }, 'body.description'],
  ])('refuses %s with 400', async (_label, overrides, field) => {
    const response = await h.call(
      'POST',
      '/api/businesses',
      await h.person('VENDOR'),
      businessInput(overrides),
    );
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    expect(badFields(response)).toContain(field);
  });

  it('accepts an address of exactly 500 characters', async () => {
    const business = await h.createBusiness(await h.person('VENDOR'), {
      address: 'a'.repeat(500),
    });
    expect(business.address).toHaveLength(500);
  });

  it('refuses a body that is not JSON or not an object', async () => {
    const vendor = await h.person('VENDOR');
    const text = await h.app.inject({
      method: 'POST',
      url: '/api/businesses',
      headers: { authorization: `Bearer ${vendor.token}`, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(text.statusCode).toBe(400);
    expect((await h.call('POST', '/api/businesses', vendor, [businessInput()])).statusCode).toBe(
      400,
    );
  });

  it('lets only vendors create: customers and admins get 403, no token 401', async () => {
    for (const role of ['CUSTOMER', 'ADMIN'] as const) {
      const person = await h.person(role);
      const response = await h.call('POST', '/api/businesses', person, businessInput());
      expect(response.statusCode, role).toBe(403);
      expect(errorOf(response).code).toBe('FORBIDDEN');
      const { rows } = await h.container.pool.query(
        'SELECT 1 FROM businesses WHERE owner_id = $1',
        [person.id],
      );
      expect(rows).toHaveLength(0);
    }
    const anonymous = await h.call('POST', '/api/businesses', undefined, businessInput());
    expect(anonymous.statusCode).toBe(401);
    expect(errorOf(anonymous).code).toBe('UNAUTHENTICATED');
    // Identity is checked before the body: an invalid body from nobody is still a 401.
    expect((await h.call('POST', '/api/businesses', undefined, { bogus: 1 })).statusCode).toBe(401);
    const customer = await h.person('CUSTOMER');
    expect((await h.call('POST', '/api/businesses', customer, { bogus: 1 })).statusCode).toBe(403);
    // A service token is not an access token for the public API.
    const service = await h.call(
      'POST',
      '/api/businesses',
      await h.serviceToken(),
      businessInput(),
    );
    expect(service.statusCode).toBe(401);
  });

  it('refuses a second business for the same vendor with 409 VENDOR_ALREADY_HAS_BUSINESS', async () => {
    const vendor = await h.person('VENDOR');
    const first = await h.createBusiness(vendor);
    const second = await h.call('POST', '/api/businesses', vendor, businessInput());

    expect(second.statusCode).toBe(409);
    expect(errorOf(second).code).toBe('VENDOR_ALREADY_HAS_BUSINESS');
    const { rows } = await h.container.pool.query<{ id: string }>(
      'SELECT id FROM businesses WHERE owner_id = $1',
      [vendor.id],
    );
    expect(rows).toEqual([{ id: first.id }]);
  });

  it('gives exactly one 201 and nineteen 409s to twenty simultaneous creates by one vendor', async () => {
    const vendor = await h.person('VENDOR');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.call('POST', '/api/businesses', vendor, businessInput({ name: `Race ${i}` })),
      ),
    );

    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const refused of responses.filter((r) => r.statusCode === 409)) {
      expect(errorOf(refused).code).toBe('VENDOR_ALREADY_HAS_BUSINESS');
    }
    const { rows } = await h.container.pool.query<{ id: string }>(
      'SELECT id FROM businesses WHERE owner_id = $1',
      [vendor.id],
    );
    expect(rows).toHaveLength(1);
    // The losers rolled back whole: one business, one event.
    expect((await h.events(rows[0]!.id)).map((e) => e.type)).toEqual(['business.created']);
  });

  it('keeps the vendor’s slot after deletion: a deleted business still blocks a new one', async () => {
    const vendor = await h.person('VENDOR');
    const business = await h.createBusiness(vendor);
    expect((await h.call('DELETE', `/api/businesses/${business.id}`, vendor)).statusCode).toBe(204);

    const again = await h.call('POST', '/api/businesses', vendor, businessInput());
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('VENDOR_ALREADY_HAS_BUSINESS');
  });
});
