import { isBusinessBookable, versionedBusiness } from '@slotwise/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startBusiness, type BusinessHarness, type Person } from './harness.js';

describe('internal routes', () => {
  let h: BusinessHarness;
  let admin: Person;
  let serviceToken: string;
  beforeAll(async () => {
    h = await startBusiness();
    admin = await h.person('ADMIN');
    serviceToken = await h.serviceToken();
  });
  afterAll(async () => {
    await h.close();
  });

  it('gives a service the summary of a business by id and by owner, whatever its status', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner, { timezone: 'Asia/Tokyo' });
    const summary = {
      id: business.id,
      name: business.name,
      ownerId: owner.id,
      status: 'PENDING',
      isVerified: false,
      timezone: 'Asia/Tokyo',
      confirmationWindowMinutes: 1440,
      paymentMode: 'NONE',
      cancellationPolicy: { freeCancellationHours: 24, lateRefundPercent: 0 },
      maintenancePolicy: 'KEEP',
      version: 1,
      schedule: { weekly: null, overrides: [] },
    };
    for (const url of [
      `/internal/businesses/${business.id}`,
      `/internal/businesses/by-owner/${owner.id}`,
    ]) {
      const response = await h.call('GET', url, serviceToken);
      expect(response.statusCode, url).toBe(200);
      const body = response.json<{ data: unknown }>();
      expect(body).toEqual({ data: summary });
      expect(isBusinessBookable(versionedBusiness.parse(body.data))).toBe(false);
    }

    await h.call('PATCH', `/api/businesses/${business.id}/verify`, admin);
    const live = await h.call('GET', `/internal/businesses/by-owner/${owner.id}`, serviceToken);
    const verified = versionedBusiness.parse(live.json<{ data: unknown }>().data);
    expect(isBusinessBookable(verified)).toBe(true);
    // The same counter as the business's events: created 1, verified 2.
    expect(verified.version).toBe(2);
    await h.call('DELETE', `/api/businesses/${business.id}`, owner);
    const gone = await h.call('GET', `/internal/businesses/${business.id}`, serviceToken);
    expect(gone.json<{ data: { status: string } }>().data.status).toBe('DELETED');
  });

  it('answers 404 for no such business or owner, 400 for a malformed id', async () => {
    for (const url of [
      `/internal/businesses/${crypto.randomUUID()}`,
      `/internal/businesses/by-owner/${crypto.randomUUID()}`,
    ]) {
      const response = await h.call('GET', url, serviceToken);
      expect(response.statusCode, url).toBe(404);
      expect(errorOf(response).code).toBe('NOT_FOUND');
    }
    expect((await h.call('GET', '/internal/businesses/x', serviceToken)).statusCode).toBe(400);
    expect((await h.call('GET', '/internal/businesses/by-owner/x', serviceToken)).statusCode).toBe(
      400,
    );
  });

  it('refuses user tokens, tokens for another service and no token', async () => {
    const owner = await h.person('VENDOR');
    await h.createBusiness(owner);
    const url = `/internal/businesses/by-owner/${owner.id}`;

    // A user's access token: minted for the public API, not for this service.
    expect((await h.call('GET', url, owner)).statusCode).toBe(401);
    expect((await h.call('GET', url, admin)).statusCode).toBe(401);
    // The right audience but a user's role.
    const userForBusiness = await h.testEnv.keys.sign({
      sub: owner.id,
      role: 'VENDOR',
      aud: 'business',
    });
    const asUser = await h.call('GET', url, userForBusiness);
    expect(asUser.statusCode).toBe(403);
    expect(errorOf(asUser).code).toBe('FORBIDDEN');
    // A service token minted for another service.
    expect((await h.call('GET', url, await h.serviceToken({ aud: 'booking' }))).statusCode).toBe(
      401,
    );
    expect((await h.call('GET', url)).statusCode).toBe(401);
  });
});
