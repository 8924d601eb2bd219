import { randomUUID } from 'node:crypto';
import { createEvent } from '@slotwise/platform/events';
import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildBusiness,
  call,
  createResource,
  startResource,
  type Actor,
  type ResourceHarness,
  type ResourceJson,
  type Vendor,
} from './harness.js';

describe('business.* events', () => {
  let h: ResourceHarness;
  let customer: Actor;
  let admin: Actor;
  beforeAll(async () => {
    h = await startResource();
    [customer, admin] = await Promise.all([h.actor('CUSTOMER'), h.actor('ADMIN')]);
  });
  afterAll(async () => {
    await h.close();
  });

  const stored = async (id: string) =>
    (
      await h.sql<{ status: string; version: number; name: string; is_verified: boolean }>(
        'SELECT status, version, name, is_verified FROM businesses WHERE id = $1',
        [id],
      )
    )[0];
  const listed = async (who: Actor, vendor: Vendor): Promise<string[]> =>
    (await call(h, 'GET', `/api/resources?businessId=${vendor.business.id}`, who))
      .json<{ data: ResourceJson[] }>()
      .data.map((r) => r.id);
  const changeTo = async (vendor: Vendor, status: string, version: number): Promise<void> => {
    vendor.business = { ...vendor.business, status: status as Vendor['business']['status'] };
    h.upstreams.businesses.set(vendor.business.id, vendor.business);
    await h.publishBusiness('business.status_changed', vendor.business, version);
    await waitFor(async () =>
      expect(await stored(vendor.business.id)).toMatchObject({ status, version }),
    );
  };

  it.each(['SUSPENDED', 'INACTIVE', 'DELETED'])(
    'hides a %s business’s resources from customers at once, and shows them again on reactivation',
    async (status) => {
      const vendor = await h.vendor();
      const resource = await createResource(h, vendor);
      expect(await listed(customer, vendor)).toEqual([resource.id]);

      await changeTo(vendor, status, 2);
      expect(await listed(customer, vendor)).toEqual([]);
      expect(
        (await call(h, 'GET', '/api/resources', customer))
          .json<{ data: ResourceJson[] }>()
          .data.map((r) => r.id),
      ).not.toContain(resource.id);
      expect((await call(h, 'GET', `/api/resources/${resource.id}`, customer)).statusCode).toBe(
        404,
      );
      // Its owner and ADMIN still see it, and so do the business's own figures.
      expect(await listed(vendor, vendor)).toEqual([resource.id]);
      expect(await listed(admin, vendor)).toEqual([resource.id]);
      expect((await call(h, 'GET', `/api/resources/${resource.id}`, vendor)).statusCode).toBe(200);

      await changeTo(vendor, 'ACTIVE', 3);
      expect(await listed(customer, vendor)).toEqual([resource.id]);
      expect((await call(h, 'GET', `/api/resources/${resource.id}`, customer)).statusCode).toBe(
        200,
      );
    },
  );

  it('hides the resources of a business that loses its verification', async () => {
    const vendor = await h.vendor();
    const resource = await createResource(h, vendor);
    vendor.business = { ...vendor.business, isVerified: false };
    await h.publishBusiness('business.updated', vendor.business, 2);
    await waitFor(async () => expect((await stored(vendor.business.id))?.is_verified).toBe(false));
    expect(await listed(customer, vendor)).toEqual([]);
    expect(await listed(vendor, vendor)).toEqual([resource.id]);
  });

  it('ignores an event that is not newer than the stored version', async () => {
    const vendor = await h.vendor();
    await createResource(h, vendor);
    await h.publishBusiness('business.updated', { ...vendor.business, name: 'Renamed' }, 5);
    await waitFor(async () =>
      expect(await stored(vendor.business.id)).toMatchObject({ version: 5 }),
    );

    const late = createEvent({
      type: 'business.status_changed',
      aggregateId: vendor.business.id,
      version: 4,
      data: { ...vendor.business, status: 'SUSPENDED', previousStatus: 'ACTIVE', changedBy: null },
    });
    await h.container.transport.publish([late]);
    await waitFor(async () =>
      expect(await h.sql('SELECT 1 FROM inbox WHERE event_id = $1', [late.id])).toHaveLength(1),
    );
    expect(await stored(vendor.business.id)).toMatchObject({
      status: 'ACTIVE',
      version: 5,
      name: 'Renamed',
    });
  });

  it('takes a newer answer of the business service before its event: verified, then bookable at once', async () => {
    const vendor = await h.vendor({ status: 'PENDING', isVerified: false });
    await h.publishBusiness('business.created', vendor.business, 1);
    await waitFor(async () =>
      expect(await stored(vendor.business.id)).toMatchObject({ status: 'PENDING', version: 1 }),
    );
    // Verified by an admin; its event (version 2) has not reached this service yet.
    vendor.business = { ...vendor.business, status: 'ACTIVE', isVerified: true };
    h.upstreams.businesses.set(vendor.business.id, { ...vendor.business, version: 2 });

    const resource = await createResource(h, vendor);
    expect(await stored(vendor.business.id)).toMatchObject({ status: 'ACTIVE', version: 2 });
    // What booking asks for, and what customers see, agree with what the owner was just allowed.
    const token = await h.testEnv.keys.sign({
      sub: 'service:booking',
      role: 'SERVICE',
      aud: 'resource',
    });
    const snapshot = await h.app.inject({
      method: 'GET',
      url: `/internal/resources/${resource.id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(snapshot.json<{ data: { business: { status: string } } }>().data.business.status).toBe(
      'ACTIVE',
    );
    expect(await listed(customer, vendor)).toEqual([resource.id]);

    // The event arrives late and changes nothing: it is not newer.
    await h.publishBusiness('business.verified', vendor.business, 2);
    await h.publishBusiness('business.updated', vendor.business, 3);
    await waitFor(async () =>
      expect(await stored(vendor.business.id)).toMatchObject({ status: 'ACTIVE', version: 3 }),
    );
  });

  it('applies a redelivered event once', async () => {
    const business = buildBusiness();
    const event = createEvent({
      type: 'business.created',
      aggregateId: business.id,
      version: 1,
      data: { ...business, status: 'PENDING', isVerified: false },
    });
    await h.container.transport.publish([event]);
    await h.container.transport.publish([event]);
    await waitFor(async () =>
      expect(await stored(business.id)).toMatchObject({ status: 'PENDING', version: 1 }),
    );
    expect(await h.sql('SELECT 1 FROM inbox WHERE event_id = $1', [event.id])).toHaveLength(1);
  });

  it('learns of a business from its events alone (created, then verified)', async () => {
    const business = buildBusiness({ status: 'PENDING', isVerified: false });
    await h.publishBusiness('business.created', business, 1);
    await h.publishBusiness(
      'business.verified',
      { ...business, status: 'ACTIVE', isVerified: true },
      2,
    );
    await waitFor(async () =>
      expect(await stored(business.id)).toMatchObject({
        status: 'ACTIVE',
        is_verified: true,
        version: 2,
      }),
    );
  });

  it('leaves the read model alone when an event’s data is not a business summary', async () => {
    const id = randomUUID();
    const broken = createEvent({
      type: 'business.created',
      aggregateId: id,
      version: 1,
      data: { id, name: 'No owner' },
    });
    await h.container.transport.publish([broken]);
    const good = buildBusiness();
    await h.publishBusiness('business.created', good, 1);
    await waitFor(async () => expect(await stored(good.id)).toBeDefined());
    expect(await stored(id)).toBeUndefined();
    expect(await h.sql('SELECT 1 FROM inbox WHERE event_id = $1', [broken.id])).toEqual([]);
  });
});
