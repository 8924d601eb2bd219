import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  badFields,
  errorOf,
  startBusiness,
  type BusinessHarness,
  type BusinessJson,
  type Person,
} from './harness.js';

interface ListBody {
  data: BusinessJson[];
  meta: { page: number; limit: number; total: number };
}

describe('GET /api/businesses', () => {
  let h: BusinessHarness;
  let admin: Person;
  let customer: Person;
  const names: Record<string, BusinessJson> = {};

  /** `who` null: an anonymous visitor, without a token. */
  const list = async (query: string, who: Person | null = customer): Promise<ListBody> => {
    const response = await h.call('GET', `/api/businesses${query}`, who ?? undefined);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ListBody>();
  };
  const namesOf = (body: ListBody): string[] => body.data.map((b) => b.name);

  beforeAll(async () => {
    h = await startBusiness();
    admin = await h.person('ADMIN');
    customer = await h.person('CUSTOMER');
    // Created in this order, so newest first is the reverse.
    const seeds: [string, string, 'PENDING' | 'ACTIVE' | 'INACTIVE' | 'SUSPENDED'][] = [
      ['Alpha Spa', 'SALON', 'ACTIVE'],
      ['Beta Clinic', 'CLINIC', 'ACTIVE'],
      ['Gamma Hotel', 'HOTEL', 'ACTIVE'],
      ['Delta Desk', 'CO_WORKING', 'PENDING'],
      ['Epsilon 100% Hotel', 'HOTEL', 'ACTIVE'],
      ['Zeta_Suites', 'HOTEL', 'SUSPENDED'],
      ['Eta Desk', 'CO_WORKING', 'INACTIVE'],
    ];
    for (const [name, type, status] of seeds) {
      const owner = await h.person('VENDOR');
      let business = await h.createBusiness(
        owner,
        { name, type },
        status === 'PENDING' ? {} : { verifiedBy: admin },
      );
      if (status === 'INACTIVE' || status === 'SUSPENDED') {
        const who = status === 'INACTIVE' ? owner : admin;
        const changed = await h.call('PATCH', `/api/businesses/${business.id}/status`, who, {
          status,
        });
        business = changed.json<{ data: BusinessJson }>().data;
      }
      names[name] = business;
    }
  });
  afterAll(async () => {
    await h.close();
  });

  it('shows anonymous visitors and non-admins only ACTIVE businesses, newest first, with page metadata', async () => {
    for (const who of [null, customer, await h.person('VENDOR')]) {
      const body = await list('', who);
      expect(namesOf(body)).toEqual([
        'Epsilon 100% Hotel',
        'Gamma Hotel',
        'Beta Clinic',
        'Alpha Spa',
      ]);
      expect(body.meta).toEqual({ page: 1, limit: 20, total: 4 });
    }
    expect(namesOf(await list('?status=ACTIVE'))).toHaveLength(4);
  });

  it('refuses a non-admin or anonymous visitor who filters on a status other than ACTIVE with 403', async () => {
    for (const status of ['PENDING', 'INACTIVE', 'SUSPENDED', 'DELETED']) {
      for (const who of [customer, undefined]) {
        const response = await h.call('GET', `/api/businesses?status=${status}`, who);
        expect(response.statusCode, status).toBe(403);
        expect(errorOf(response).code).toBe('FORBIDDEN');
      }
    }
  });

  it('shows admins every business, and filters by any status', async () => {
    const all = await list('', admin);
    expect(all.meta.total).toBe(7);
    expect(namesOf(await list('?status=PENDING', admin))).toEqual(['Delta Desk']);
    expect(namesOf(await list('?status=SUSPENDED', admin))).toEqual(['Zeta_Suites']);
    expect(namesOf(await list('?status=INACTIVE', admin))).toEqual(['Eta Desk']);
  });

  it('filters by type', async () => {
    expect(namesOf(await list('?type=HOTEL'))).toEqual(['Epsilon 100% Hotel', 'Gamma Hotel']);
    expect(namesOf(await list('?type=HOTEL', admin))).toEqual([
      'Zeta_Suites',
      'Epsilon 100% Hotel',
      'Gamma Hotel',
    ]);
    expect((await list('?type=CO_WORKING')).data).toEqual([]);
  });

  it('searches names by any part, in any case, with % and _ taken literally', async () => {
    expect(namesOf(await list('?search=hOtEl'))).toEqual(['Epsilon 100% Hotel', 'Gamma Hotel']);
    expect(namesOf(await list('?search=desk', admin))).toEqual(['Eta Desk', 'Delta Desk']);
    expect(namesOf(await list(`?search=${encodeURIComponent('%')}`))).toEqual([
      'Epsilon 100% Hotel',
    ]);
    expect(namesOf(await list('?search=_', admin))).toEqual(['Zeta_Suites']);
    expect(namesOf(await list('?search=a_p'))).toEqual([]);
    const combined = await list('?search=hotel&type=HOTEL&status=ACTIVE', admin);
    expect(combined.meta.total).toBe(2);
  });

  it('sorts by name or creation, either way', async () => {
    const active = ['Alpha Spa', 'Beta Clinic', 'Epsilon 100% Hotel', 'Gamma Hotel'];
    expect(namesOf(await list('?sort=name'))).toEqual(active);
    expect(namesOf(await list('?sort=-name'))).toEqual([...active].reverse());
    expect(namesOf(await list('?sort=createdAt'))).toEqual([
      'Alpha Spa',
      'Beta Clinic',
      'Gamma Hotel',
      'Epsilon 100% Hotel',
    ]);
  });

  it('pages through everything once, without overlap', async () => {
    const seen: string[] = [];
    for (const page of [1, 2, 3, 4]) {
      const body = await list(`?limit=2&page=${page}&sort=name`, admin);
      expect(body.meta).toEqual({ page, limit: 2, total: 7 });
      seen.push(...namesOf(body));
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect((await list('?limit=2&page=5', admin)).data).toEqual([]);
  });

  it.each([
    ['?limit=101', 'querystring.limit'],
    ['?limit=0', 'querystring.limit'],
    ['?page=0', 'querystring.page'],
    ['?page=x', 'querystring.page'],
    ['?sort=owner', 'querystring.sort'],
    ['?type=CASINO', 'querystring.type'],
    ['?status=GONE', 'querystring.status'],
    [`?search=${'s'.repeat(101)}`, 'querystring.search'],
    ['?ownerId=x', 'querystring.ownerId'],
  ])('refuses %s with 400', async (query, field) => {
    const response = await h.call('GET', `/api/businesses${query}`, admin);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    expect(badFields(response)).toContain(field);
  });

  it('needs no token, but refuses a bad one with 401 and a service token with 403', async () => {
    expect((await h.call('GET', '/api/businesses')).statusCode).toBe(200);
    const bad = await h.call('GET', '/api/businesses', 'not-a-token');
    expect(bad.statusCode).toBe(401);
    expect(errorOf(bad).code).toBe('UNAUTHENTICATED');
    // A token minted for another service's internal routes is not an access token here.
    expect((await h.call('GET', '/api/businesses', await h.serviceToken())).statusCode).toBe(401);
    // A service's identity with the public audience: public routes are for people too.
    const service = await h.testEnv.keys.sign({ sub: 'service:resource', role: 'SERVICE' });
    const asService = await h.call('GET', '/api/businesses', service);
    expect(asService.statusCode).toBe(403);
    expect(errorOf(asService).code).toBe('FORBIDDEN');
  });

  it('runs the name search on the trigram index', async () => {
    const { pool } = h.container;
    // Enough rows that reading the whole table costs more than the index.
    await pool.query(
      `INSERT INTO businesses (id, owner_id, name, type, status, is_verified, verified_at, updated_at)
       SELECT gen_random_uuid(), gen_random_uuid(), 'Seeded place ' || n, 'OTHER', 'ACTIVE', true,
              now(), now()
         FROM generate_series(1, 20000) AS n`,
    );
    await pool.query('ANALYZE businesses');
    const spy = vi.spyOn(pool, 'query');
    let sent: { text: string; values: unknown[] }[];
    try {
      expect(namesOf(await list('?search=Epsilon'))).toEqual(['Epsilon 100% Hotel']);
      sent = spy.mock.calls
        .map(([query]) => query as unknown as { text: string; values: unknown[] })
        .filter((query) => /ILIKE/i.test(query.text ?? ''));
    } finally {
      spy.mockRestore();
    }
    // The very statements Prisma sent, the page and its count, both filtered on the name.
    expect(sent).toHaveLength(2);
    for (const query of sent) {
      const { rows } = await pool.query<{ 'QUERY PLAN': unknown }>(
        `EXPLAIN (FORMAT JSON) ${query.text}`,
        query.values,
      );
      const plan = JSON.stringify(rows[0]?.['QUERY PLAN']);
      expect(plan).toContain('"Index Name":"businesses_name_idx"');
      expect(plan).not.toContain('Seq Scan');
    }
  });
});
