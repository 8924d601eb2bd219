import { ALWAYS_OPEN, BOOKING_RULE_DEFAULTS, resourceSnapshot } from '@slotwise/contracts';
import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createResource,
  errorOf,
  startResource,
  type ResourceHarness,
  type ResourceJson,
  type Vendor,
} from './harness.js';

describe('GET /internal/resources/:id', () => {
  let h: ResourceHarness;
  let vendor: Vendor;
  let resource: ResourceJson;
  let booking: Record<string, string>;
  beforeAll(async () => {
    h = await startResource();
    vendor = await h.vendor({ timezone: 'Europe/Paris' });
    resource = await createResource(h, vendor, { price: '19.99', priceUnit: 'PER_HOUR' });
    const token = await h.testEnv.keys.sign({
      sub: 'service:booking',
      role: 'SERVICE',
      aud: 'resource',
    });
    booking = { authorization: `Bearer ${token}` };
  });
  afterAll(async () => {
    await h.close();
  });

  const snapshot = (id: string, headers: Record<string, string> = booking) =>
    h.app.inject({ method: 'GET', url: `/internal/resources/${id}`, headers });

  it('answers the resource with its business in one call, per the contract', async () => {
    const response = await snapshot(resource.id);
    expect(response.statusCode).toBe(200);
    const { data } = response.json<{ data: unknown }>();
    expect(resourceSnapshot.parse(data)).toEqual({
      id: resource.id,
      name: resource.name,
      type: 'HOTEL_ROOM',
      status: 'ACTIVE',
      price: '19.99',
      currency: 'USD',
      priceUnit: 'PER_HOUR',
      categoryId: null,
      bookingRules: BOOKING_RULE_DEFAULTS,
      schedule: ALWAYS_OPEN,
      business: vendor.business,
    });
  });

  it('answers whatever the statuses: booking decides what is bookable', async () => {
    const other = await createResource(h, vendor);
    await call(h, 'PATCH', `/api/resources/${other.id}/status`, vendor, { status: 'MAINTENANCE' });
    expect((await snapshot(other.id)).json<{ data: { status: string } }>().data.status).toBe(
      'MAINTENANCE',
    );
    await call(h, 'DELETE', `/api/resources/${other.id}`, vendor);
    expect((await snapshot(other.id)).json<{ data: { status: string } }>().data.status).toBe(
      'DELETED',
    );

    const suspended = { ...vendor.business, status: 'SUSPENDED' as const };
    await h.publishBusiness('business.status_changed', suspended, 2);
    await waitFor(async () =>
      expect(
        (await snapshot(resource.id)).json<{ data: { business: unknown } }>().data.business,
      ).toEqual(suspended),
    );
  });

  it('answers 404 for an unknown resource and 400 for a malformed id', async () => {
    const unknown = await snapshot('5b0f1c1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b');
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown).code).toBe('NOT_FOUND');
    expect((await snapshot('nope')).statusCode).toBe(400);
  });

  it('takes service tokens for this service only', async () => {
    const keys = h.testEnv.keys;
    const bearer = async (claims: Record<string, unknown>) => ({
      authorization: `Bearer ${await keys.sign(claims)}`,
    });
    expect((await snapshot(resource.id, {})).statusCode).toBe(401);
    // A user's access token (audience slotwise-api), even an ADMIN's.
    expect((await snapshot(resource.id, await bearer({ role: 'ADMIN' }))).statusCode).toBe(401);
    // A service token minted for another service.
    const forBusiness = await bearer({ sub: 'service:booking', role: 'SERVICE', aud: 'business' });
    expect((await snapshot(resource.id, forBusiness)).statusCode).toBe(401);
    // The right audience but not a service.
    const notService = await bearer({ role: 'CUSTOMER', aud: 'resource' });
    expect((await snapshot(resource.id, notService)).statusCode).toBe(403);
  });
});
