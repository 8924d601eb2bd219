import { businessStatusChangedData, businessSummary } from '@slotwise/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badFields,
  errorOf,
  startBusiness,
  type BusinessHarness,
  type BusinessJson,
  type Person,
} from './harness.js';

describe('verification and status changes', () => {
  let h: BusinessHarness;
  let admin: Person;
  beforeAll(async () => {
    h = await startBusiness();
    admin = await h.person('ADMIN');
  });
  afterAll(async () => {
    await h.close();
  });

  const setStatus = (id: string, who: Person, status: unknown) =>
    h.call('PATCH', `/api/businesses/${id}/status`, who, { status });
  const verify = (id: string, who: Person, body?: unknown) =>
    h.call('PATCH', `/api/businesses/${id}/verify`, who, body);
  const remove = (id: string, who?: Person) => h.call('DELETE', `/api/businesses/${id}`, who);
  const expectRefusal = (
    response: Awaited<ReturnType<typeof setStatus>>,
    status: number,
    code: string,
  ) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(errorOf(response).code).toBe(code);
  };

  describe('PATCH /:id/verify', () => {
    it('makes a PENDING business ACTIVE and verified, stores it and announces it', async () => {
      const owner = await h.person('VENDOR');
      const business = await h.createBusiness(owner);
      const before = Date.now();
      const response = await verify(business.id, admin);

      expect(response.statusCode).toBe(200);
      const verified = response.json<{ data: BusinessJson }>().data;
      expect(verified).toMatchObject({ status: 'ACTIVE', isVerified: true });
      expect(Date.parse(verified.verifiedAt!)).toBeGreaterThanOrEqual(before - 1000);
      const row = await h.row(business.id);
      expect(row).toMatchObject({ status: 'ACTIVE', is_verified: true, version: 2 });
      expect(row?.verified_at).toBeInstanceOf(Date);
      const events = await h.events(business.id);
      expect(events.map((e) => [e.type, e.version])).toEqual([
        ['business.created', 1],
        ['business.verified', 2],
      ]);
      expect(businessSummary.parse(events[1]?.payload.data)).toMatchObject({
        status: 'ACTIVE',
        isVerified: true,
        ownerId: owner.id,
      });
    });

    it('refuses a second verification and any business that is not PENDING with 409', async () => {
      const business = await h.createBusiness(await h.person('VENDOR'), {}, { verifiedBy: admin });
      expectRefusal(await verify(business.id, admin), 409, 'INVALID_STATUS_TRANSITION');
      await setStatus(business.id, admin, 'SUSPENDED');
      expectRefusal(await verify(business.id, admin), 409, 'INVALID_STATUS_TRANSITION');
      expect((await h.row(business.id))?.version).toBe(3);
    });

    it('is for admins only: a vendor cannot verify its own business', async () => {
      const owner = await h.person('VENDOR');
      const business = await h.createBusiness(owner);
      expectRefusal(await verify(business.id, owner), 403, 'FORBIDDEN');
      expectRefusal(await verify(business.id, await h.person('CUSTOMER')), 403, 'FORBIDDEN');
      expect(await h.row(business.id)).toMatchObject({ status: 'PENDING', is_verified: false });
    });

    it('answers 404, 400 and refuses a body that tries to set anything', async () => {
      expectRefusal(await verify(crypto.randomUUID(), admin), 404, 'NOT_FOUND');
      expectRefusal(await verify('nope', admin), 400, 'VALIDATION_ERROR');
      const business = await h.createBusiness(await h.person('VENDOR'));
      const withBody = await verify(business.id, admin, { isVerified: false });
      expectRefusal(withBody, 400, 'VALIDATION_ERROR');
      expect(badFields(withBody)).toEqual(['body.isVerified']);
    });
  });

  describe('PATCH /:id/status', () => {
    it('lets a verified owner switch ACTIVE ↔ INACTIVE, announcing each change', async () => {
      const owner = await h.person('VENDOR');
      const business = await h.createBusiness(owner, {}, { verifiedBy: admin });

      const off = await setStatus(business.id, owner, 'INACTIVE');
      expect(off.statusCode).toBe(200);
      expect(off.json<{ data: BusinessJson }>().data.status).toBe('INACTIVE');
      const on = await setStatus(business.id, owner, 'ACTIVE');
      expect(on.json<{ data: BusinessJson }>().data.status).toBe('ACTIVE');

      expect(await h.row(business.id)).toMatchObject({ status: 'ACTIVE', version: 4 });
      const events = await h.events(business.id);
      expect(events.map((e) => [e.type, e.version])).toEqual([
        ['business.created', 1],
        ['business.verified', 2],
        ['business.status_changed', 3],
        ['business.status_changed', 4],
      ]);
      expect(businessStatusChangedData.parse(events[2]?.payload.data)).toMatchObject({
        status: 'INACTIVE',
        previousStatus: 'ACTIVE',
        changedBy: owner.id,
      });
    });

    it('answers the same status again with 200 and no new version', async () => {
      const owner = await h.person('VENDOR');
      const business = await h.createBusiness(owner, {}, { verifiedBy: admin });
      expect((await setStatus(business.id, owner, 'ACTIVE')).statusCode).toBe(200);
      expect((await h.row(business.id))?.version).toBe(2);
    });

    it('refuses the owner a switch before verification (409) and admin-only statuses (403)', async () => {
      const owner = await h.person('VENDOR');
      const business = await h.createBusiness(owner);
      expectRefusal(
        await setStatus(business.id, owner, 'ACTIVE'),
        409,
        'INVALID_STATUS_TRANSITION',
      );
      expectRefusal(
        await setStatus(business.id, owner, 'INACTIVE'),
        409,
        'INVALID_STATUS_TRANSITION',
      );
      expectRefusal(await setStatus(business.id, owner, 'SUSPENDED'), 403, 'FORBIDDEN');
      expectRefusal(await setStatus(business.id, owner, 'PENDING'), 403, 'FORBIDDEN');
      expect(await h.row(business.id)).toMatchObject({ status: 'PENDING', version: 1 });
    });

    it('lets admins suspend, and leaves a suspended business to them alone', async () => {
      const owner = await h.person('VENDOR');
      const business = await h.createBusiness(owner, {}, { verifiedBy: admin });
      const suspended = await setStatus(business.id, admin, 'SUSPENDED');
      expect(suspended.statusCode).toBe(200);
      const [, , event] = await h.events(business.id);
      expect(event?.payload.data).toMatchObject({
        status: 'SUSPENDED',
        previousStatus: 'ACTIVE',
        changedBy: admin.id,
      });

      expectRefusal(await setStatus(business.id, owner, 'ACTIVE'), 403, 'FORBIDDEN');
      expectRefusal(await setStatus(business.id, owner, 'INACTIVE'), 403, 'FORBIDDEN');
      expectRefusal(await remove(business.id, owner), 403, 'FORBIDDEN');
      // Still visible to its owner, who can see why.
      expect((await h.call('GET', `/api/businesses/${business.id}`, owner)).statusCode).toBe(200);

      expect((await setStatus(business.id, admin, 'ACTIVE')).statusCode).toBe(200);
      expect(await h.row(business.id)).toMatchObject({ status: 'ACTIVE', version: 4 });
    });

    it('refuses an admin ACTIVE for an unverified business (409) but lets it set the others', async () => {
      const business = await h.createBusiness(await h.person('VENDOR'));
      expectRefusal(
        await setStatus(business.id, admin, 'ACTIVE'),
        409,
        'INVALID_STATUS_TRANSITION',
      );
      expect((await setStatus(business.id, admin, 'INACTIVE')).statusCode).toBe(200);
      expect((await setStatus(business.id, admin, 'PENDING')).statusCode).toBe(200);
      expect(await h.row(business.id)).toMatchObject({ status: 'PENDING', is_verified: false });
    });

    it('refuses DELETED, unknown statuses and extra fields with 400', async () => {
      const business = await h.createBusiness(await h.person('VENDOR'));
      for (const status of ['DELETED', 'OPEN', 3, null]) {
        const response = await setStatus(business.id, admin, status);
        expectRefusal(response, 400, 'VALIDATION_ERROR');
        expect(badFields(response)).toEqual(['body.status']);
      }
      const extra = await h.call('PATCH', `/api/businesses/${business.id}/status`, admin, {
        status: 'INACTIVE',
        isVerified: true,
      });
      expect(badFields(extra)).toEqual(['body.isVerified']);
      expectRefusal(await setStatus(crypto.randomUUID(), admin, 'INACTIVE'), 404, 'NOT_FOUND');
      expectRefusal(await setStatus('x', admin, 'INACTIVE'), 400, 'VALIDATION_ERROR');
    });

    it('keeps other vendors and customers out: 404 while hidden, 403 once visible', async () => {
      const owner = await h.person('VENDOR');
      const intruder = await h.person('VENDOR');
      const business = await h.createBusiness(owner);
      expectRefusal(await setStatus(business.id, intruder, 'INACTIVE'), 404, 'NOT_FOUND');
      await verify(business.id, admin);
      expectRefusal(await setStatus(business.id, intruder, 'INACTIVE'), 403, 'FORBIDDEN');
      const customer = await h.person('CUSTOMER');
      expectRefusal(await setStatus(business.id, customer, 'INACTIVE'), 403, 'FORBIDDEN');
      expect((await h.row(business.id))?.status).toBe('ACTIVE');
    });
  });
});
