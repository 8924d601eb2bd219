import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListScope, ResourceFilter, ResourceSort } from '../src/resources/resource.types.js';
import { call, startResource, type Actor, type ResourceHarness } from './harness.js';

const RESOURCES = 10_000;
const BUSINESSES = 200;

/**
 * The listing at 10,000 resources: the migration's indexes exist for these plans, so a change
 * that stops one being used fails here rather than in production.
 */
describe('the resource list at 10,000 resources', () => {
  let h: ResourceHarness;
  let customer: Actor;
  let business: { id: string; owner_id: string };
  beforeAll(async () => {
    h = await startResource();
    customer = await h.actor('CUSTOMER');
    // One business in ten suspended; 85 % of resources ACTIVE, 5 % DELETED; a year of dates.
    await h.sql(
      `INSERT INTO businesses (id, owner_id, name, status, is_verified, timezone, version)
       SELECT gen_random_uuid(), gen_random_uuid(), 'Business ' || n,
              (CASE WHEN n % 10 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END)::business_status,
              true, 'UTC', 1
         FROM generate_series(1, $1::int) AS n`,
      [BUSINESSES],
    );
    await h.sql(
      `WITH b AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM businesses)
       INSERT INTO resources (id, business_id, name, type, price, currency, status, created_at,
                              updated_at)
       SELECT gen_random_uuid(), b.id,
              (ARRAY['Room', 'Suite', 'Desk', 'Chair', 'Studio'])[1 + n % 5] || ' ' || md5(n::text),
              (ARRAY['HOTEL_ROOM', 'DOCTOR_SLOT', 'SALON_CHAIR', 'DESK', 'OTHER'])[1 + n % 5]::resource_type,
              (n % 500) + 0.99, 'USD',
              (CASE WHEN n % 20 = 0 THEN 'INACTIVE' WHEN n % 20 = 1 THEN 'MAINTENANCE'
                    WHEN n % 20 = 2 THEN 'DELETED' ELSE 'ACTIVE' END)::resource_status,
              now() - make_interval(mins => n * 50), now()
         FROM generate_series(1, $1::int) AS n JOIN b ON b.k = 1 + n % $2::int`,
      [RESOURCES, BUSINESSES],
    );
    // What autovacuum does in production: statistics, and the trigram index's pending list merged.
    await h.sql('VACUUM ANALYZE businesses');
    await h.sql('VACUUM ANALYZE resources');
    business = (
      await h.sql<{ id: string; owner_id: string }>('SELECT id, owner_id FROM businesses')
    )[0]!;
  });
  afterAll(async () => {
    await h.close();
  });

  const explain = (
    scope: ListScope,
    filter: ResourceFilter = {},
    sort: ResourceSort = '-createdAt',
  ) =>
    h.container.store.repos.resourceQueries.explainList(scope, filter, sort, { skip: 0, take: 20 });

  it('reads the public listing, newest first, from the status index without sorting', async () => {
    const plan = await explain({ kind: 'public' });
    expect(plan).toContain('Index Scan using resources_status_created_at_id_idx on resources');
    expect(plan).not.toMatch(/Seq Scan on resources|Sort/);
  });

  it('reads a vendor’s browsing and an ADMIN’s listing from the live-resources index', async () => {
    for (const scope of [
      { kind: 'public', ownerId: business.owner_id },
      { kind: 'all' },
    ] as const) {
      const plan = await explain(scope);
      expect(plan).toContain('resources_live_created_at_id_idx');
      expect(plan).not.toMatch(/Seq Scan on resources|Sort/);
    }
  });

  it('answers a selective name search from the trigram index', async () => {
    const plan = await explain({ kind: 'public' }, { search: 'abc1' });
    expect(plan).toContain('Bitmap Index Scan on resources_name_trgm_idx');
    expect(plan).not.toContain('Seq Scan on resources');
  });

  it('reads one business’s resources from the business index', async () => {
    const plan = await explain({ kind: 'public' }, { businessId: business.id });
    expect(plan).toContain('resources_business_id_created_at_id_idx');
    expect(plan).not.toContain('Seq Scan on resources');
  });

  it('serves a page of the public listing, with its total, in a few milliseconds', async () => {
    await call(h, 'GET', '/api/resources', customer);
    const started = performance.now();
    const response = await call(h, 'GET', '/api/resources?limit=20', customer);
    const elapsed = performance.now() - started;
    expect(response.statusCode).toBe(200);
    const [visible] = await h.sql<{ n: string }>(
      `SELECT count(*) AS n FROM resources r JOIN businesses b ON b.id = r.business_id
        WHERE r.status = 'ACTIVE' AND b.status = 'ACTIVE'`,
    );
    expect(response.json<{ meta: { total: number } }>().meta.total).toBe(Number(visible!.n));
    // Generous for a shared CI machine; locally it is ~10 ms, most of it the count.
    expect(elapsed).toBeLessThan(500);
  });
});
