import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@slotwise/testkit';
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

/** The business service changes its answer behind our back (no event yet). */
function suspendSilently(h: ResourceHarness, vendor: Vendor): void {
  vendor.business = { ...vendor.business, status: 'SUSPENDED' };
  h.upstreams.businesses.set(vendor.business.id, vendor.business);
}

describe('asking the business service, with a short cache', () => {
  const TTL_MS = 600;
  let h: ResourceHarness;
  beforeAll(async () => {
    h = await startResource({ BUSINESS_CACHE_TTL_MS: String(TTL_MS) });
  });
  afterAll(async () => {
    await h.close();
  });

  it('asks once per owner within the TTL, and seeds the read model from the answer', async () => {
    const vendor = await h.vendor();
    const before = h.upstreams.lookups;
    await createResource(h, vendor);
    await createResource(h, vendor);
    expect(h.upstreams.lookups - before).toBe(1);
    expect(
      await h.sql('SELECT owner_id, status, version FROM businesses WHERE id = $1', [
        vendor.business.id,
      ]),
    ).toEqual([{ owner_id: vendor.id, status: 'ACTIVE', version: 1 }]);
  });

  it('lets a stale "yes" expire with the TTL', async () => {
    const vendor = await h.vendor();
    await createResource(h, vendor);
    suspendSilently(h, vendor);
    // Within the TTL the cached answer still stands: the window the TTL bounds.
    expect((await call(h, 'POST', '/api/resources', vendor, resourceBody())).statusCode).toBe(201);
    await sleep(TTL_MS + 50);
    const refused = await call(h, 'POST', '/api/resources', vendor, resourceBody());
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused).code).toBe('BUSINESS_NOT_ACTIVE');
  });
});

describe('a cached answer and business.* events', () => {
  let h: ResourceHarness;
  beforeAll(async () => {
    h = await startResource({ BUSINESS_CACHE_TTL_MS: '30000' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('drops the cached "yes" when an event about the business arrives', async () => {
    const vendor = await h.vendor();
    await createResource(h, vendor);
    suspendSilently(h, vendor);
    await h.publishBusiness('business.status_changed', vendor.business, 2);
    await waitFor(async () =>
      expect(
        await h.sql('SELECT status FROM businesses WHERE id = $1', [vendor.business.id]),
      ).toEqual([{ status: 'SUSPENDED' }]),
    );
    const refused = await call(h, 'POST', '/api/resources', vendor, resourceBody());
    expect(refused.statusCode).toBe(422);
  });

  it('drops the cached answer on any event for the owner, even one too old to apply', async () => {
    const vendor = await h.vendor();
    await h.publishBusiness('business.updated', vendor.business, 5);
    await waitFor(async () =>
      expect(
        await h.sql('SELECT version FROM businesses WHERE id = $1', [vendor.business.id]),
      ).toEqual([{ version: 5 }]),
    );
    await createResource(h, vendor);
    suspendSilently(h, vendor);
    const before = h.upstreams.lookups;
    await h.publishBusiness('business.updated', { ...vendor.business, status: 'ACTIVE' }, 3);
    await waitFor(async () =>
      expect((await call(h, 'POST', '/api/resources', vendor, resourceBody())).statusCode).toBe(
        422,
      ),
    );
    expect(h.upstreams.lookups).toBeGreaterThan(before);
  });

  it('does not trust a cached answer once the shared read model moved on (another instance’s event)', async () => {
    const vendor = await h.vendor();
    await createResource(h, vendor);
    suspendSilently(h, vendor);
    // What another instance does when it consumes the event: this instance's cache never hears it.
    await h.sql(`UPDATE businesses SET status = 'SUSPENDED', version = 2 WHERE id = $1`, [
      vendor.business.id,
    ]);
    const refused = await call(h, 'POST', '/api/resources', vendor, resourceBody());
    expect(refused.statusCode).toBe(422);
  });

  it('asks again once a "no" is dropped by the event that makes it a "yes"', async () => {
    const vendor = await h.vendor({ status: 'PENDING', isVerified: false });
    expect((await call(h, 'POST', '/api/resources', vendor, resourceBody())).statusCode).toBe(422);
    vendor.business = { ...vendor.business, status: 'ACTIVE', isVerified: true };
    h.upstreams.businesses.set(vendor.business.id, vendor.business);
    await h.publishBusiness('business.verified', vendor.business, 2);
    await waitFor(async () =>
      expect((await call(h, 'POST', '/api/resources', vendor, resourceBody())).statusCode).toBe(
        201,
      ),
    );
  });
});

describe('when the business service is down', () => {
  let h: ResourceHarness;
  let vendor: Vendor;
  let existing: ResourceJson;
  beforeAll(async () => {
    h = await startResource({ BUSINESS_CACHE_TTL_MS: '0' });
    vendor = await h.vendor();
    existing = await createResource(h, vendor);
    h.upstreams.setBusinessMode('down');
  });
  afterAll(async () => {
    await h.close();
  });

  const count = async (): Promise<number> =>
    (await h.sql('SELECT 1 FROM resources WHERE business_id = $1', [vendor.business.id])).length;

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After to every creation, storing nothing', async () => {
    for (const [url, body] of [
      ['/api/resources', resourceBody()],
      ['/api/resources/bulk', { resources: [resourceBody(), resourceBody()] }],
      ['/api/resources/categories', { name: 'While down' }],
    ] as const) {
      const response = await call(h, 'POST', url, vendor, body);
      expect(response.statusCode).toBe(503);
      expect(errorOf(response)).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        details: { dependency: 'business' },
      });
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(await count()).toBe(1);
    expect(await h.sql('SELECT 1 FROM resource_categories')).toEqual([]);
    expect(await h.sql(`SELECT 1 FROM outbox WHERE aggregate_id <> $1`, [existing.id])).toEqual([]);
  });

  it('still serves reads and changes of existing resources from its own data', async () => {
    expect((await call(h, 'GET', `/api/resources/${existing.id}`, vendor)).statusCode).toBe(200);
    const customer = await h.actor('CUSTOMER');
    expect(
      (await call(h, 'GET', `/api/resources?businessId=${vendor.business.id}`, customer))
        .statusCode,
    ).toBe(200);
    const patched = await call(h, 'PATCH', `/api/resources/${existing.id}`, vendor, {
      price: '1.00',
    });
    expect(patched.statusCode).toBe(200);
  });
});
