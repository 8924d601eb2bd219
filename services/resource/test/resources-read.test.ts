import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createCategory,
  createResource,
  errorOf,
  startResource,
  type Actor,
  type ResourceHarness,
  type ResourceJson,
  type Vendor,
} from './harness.js';

interface Page {
  data: ResourceJson[];
  meta: { page: number; limit: number; total: number };
}

describe('GET /api/resources and /api/resources/:id', () => {
  let h: ResourceHarness;
  let owner: Vendor;
  let other: Vendor;
  let customer: Actor;
  let admin: Actor;
  const r: Record<string, ResourceJson> = {};
  let suitesId: string;

  beforeAll(async () => {
    h = await startResource();
    [owner, other, customer, admin] = await Promise.all([
      h.vendor(),
      h.vendor(),
      h.actor('CUSTOMER'),
      h.actor('ADMIN'),
    ]);
    suitesId = (await createCategory(h, owner, 'Suites')).id;
    // Created one after the other, so "newest first" is this list backwards.
    r.cheap = await createResource(h, owner, {
      name: 'Cheap desk 50%',
      type: 'DESK',
      price: '9.99',
    });
    r.suite = await createResource(h, owner, {
      name: 'Sea Suite',
      price: '250.00',
      categoryId: suitesId,
    });
    r.chair = await createResource(h, owner, {
      name: 'Salon chair',
      type: 'SALON_CHAIR',
      price: '35.50',
    });
    r.inactive = await createResource(h, owner, { name: 'Closed room', price: '80.00' });
    r.repair = await createResource(h, owner, { name: 'Broken room', price: '70.00' });
    r.gone = await createResource(h, owner, { name: 'Gone room', price: '60.00' });
    r.theirs = await createResource(h, other, { name: 'Their suite', price: '120.00' });
    await call(h, 'PATCH', `/api/resources/${r.inactive.id}/status`, owner, { status: 'INACTIVE' });
    await call(h, 'PATCH', `/api/resources/${r.repair.id}/status`, owner, {
      status: 'MAINTENANCE',
    });
    await call(h, 'DELETE', `/api/resources/${r.gone.id}`, owner);
  });
  afterAll(async () => {
    await h.close();
  });

  const list = async (who: Actor, query: string): Promise<Page> => {
    const response = await call(h, 'GET', `/api/resources?${query}`, who);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  };
  const names = (page: Page): string[] => page.data.map((resource) => resource.name);
  const of = (business: Vendor): string => `businessId=${business.business.id}`;

  it('shows customers the ACTIVE resources only, newest first, with meta', async () => {
    const page = await list(customer, of(owner));
    expect(names(page)).toEqual(['Salon chair', 'Sea Suite', 'Cheap desk 50%']);
    expect(page.meta).toEqual({ page: 1, limit: 20, total: 3 });
  });

  it('shows the owner every status but DELETED, and DELETED ones when asked', async () => {
    expect(names(await list(owner, of(owner)))).toEqual([
      'Broken room',
      'Closed room',
      'Salon chair',
      'Sea Suite',
      'Cheap desk 50%',
    ]);
    expect(names(await list(owner, `${of(owner)}&status=DELETED`))).toEqual(['Gone room']);
    expect(names(await list(owner, `${of(owner)}&status=MAINTENANCE`))).toEqual(['Broken room']);
  });

  it('shows an ADMIN everything but DELETED, and DELETED when asked', async () => {
    expect((await list(admin, of(owner))).meta.total).toBe(5);
    expect(names(await list(admin, `${of(owner)}&status=DELETED`))).toEqual(['Gone room']);
  });

  it('shows another vendor only the ACTIVE ones, and their own in full', async () => {
    expect((await list(other, of(owner))).meta.total).toBe(3);
    expect((await list(other, `${of(owner)}&status=INACTIVE`)).data).toEqual([]);
    expect((await list(customer, `${of(owner)}&status=DELETED`)).data).toEqual([]);
    const everything = names(await list(other, ''));
    expect(everything).toContain('Their suite');
    expect(everything).not.toContain('Closed room');
  });

  it('filters by type, category and an inclusive price range given as decimal strings', async () => {
    expect(names(await list(customer, `${of(owner)}&type=DESK`))).toEqual(['Cheap desk 50%']);
    expect(names(await list(customer, `${of(owner)}&categoryId=${suitesId}`))).toEqual([
      'Sea Suite',
    ]);
    expect(names(await list(customer, `${of(owner)}&minPrice=9.99&maxPrice=35.5`))).toEqual([
      'Salon chair',
      'Cheap desk 50%',
    ]);
    expect(names(await list(customer, `${of(owner)}&minPrice=35.51`))).toEqual(['Sea Suite']);
    expect(names(await list(customer, `${of(owner)}&maxPrice=9`))).toEqual([]);
  });

  it('searches names case-insensitively, taking % and _ literally', async () => {
    expect(names(await list(customer, `${of(owner)}&search=SUITE`))).toEqual(['Sea Suite']);
    expect(names(await list(customer, 'search=suite')).sort()).toEqual([
      'Sea Suite',
      'Their suite',
    ]);
    expect(names(await list(customer, `${of(owner)}&search=50%25`))).toEqual(['Cheap desk 50%']);
    expect(names(await list(customer, `${of(owner)}&search=%25`))).toEqual(['Cheap desk 50%']);
    expect(names(await list(customer, `${of(owner)}&search=_`))).toEqual([]);
  });

  it('sorts by price, name and creation, both ways', async () => {
    const sorted = async (sort: string) => names(await list(customer, `${of(owner)}&sort=${sort}`));
    expect(await sorted('price')).toEqual(['Cheap desk 50%', 'Salon chair', 'Sea Suite']);
    expect(await sorted('-price')).toEqual(['Sea Suite', 'Salon chair', 'Cheap desk 50%']);
    expect(await sorted('name')).toEqual(['Cheap desk 50%', 'Salon chair', 'Sea Suite']);
    expect(await sorted('-name')).toEqual(['Sea Suite', 'Salon chair', 'Cheap desk 50%']);
    expect(await sorted('createdAt')).toEqual(['Cheap desk 50%', 'Sea Suite', 'Salon chair']);
    expect(await sorted('-createdAt')).toEqual(['Salon chair', 'Sea Suite', 'Cheap desk 50%']);
  });

  it('pages without overlap and reports the total', async () => {
    const first = await list(owner, `${of(owner)}&limit=2&page=1`);
    const second = await list(owner, `${of(owner)}&limit=2&page=2`);
    const third = await list(owner, `${of(owner)}&limit=2&page=3`);
    expect(first.meta).toEqual({ page: 1, limit: 2, total: 5 });
    expect([...names(first), ...names(second), ...names(third)]).toEqual(
      names(await list(owner, of(owner))),
    );
    expect((await list(owner, `${of(owner)}&page=9`)).data).toEqual([]);
  });

  it.each([
    ['limit over 100', 'limit=101'],
    ['limit 0', 'limit=0'],
    ['a float-like price bound', 'minPrice=1.234'],
    ['a negative price bound', 'maxPrice=-5'],
    ['an unknown sort', 'sort=popularity'],
    ['an unknown status', 'status=GONE'],
    ['a malformed businessId', 'businessId=abc'],
    ['an unknown parameter', 'color=red'],
  ])('refuses %s with 400', async (_case, query) => {
    const response = await call(h, 'GET', `/api/resources?${query}`, customer);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_ERROR');
  });

  it('shows one ACTIVE resource to anyone', async () => {
    const response = await call(h, 'GET', `/api/resources/${r.suite!.id}`, customer);
    expect(response.statusCode).toBe(200);
    expect(response.json<{ data: ResourceJson }>().data).toEqual(r.suite);
  });

  it('shows an INACTIVE or MAINTENANCE resource to its owner and ADMIN only (404 to others)', async () => {
    for (const resource of [r.inactive!, r.repair!]) {
      const url = `/api/resources/${resource.id}`;
      expect((await call(h, 'GET', url, owner)).statusCode).toBe(200);
      expect((await call(h, 'GET', url, admin)).statusCode).toBe(200);
      expect((await call(h, 'GET', url, customer)).statusCode).toBe(404);
      expect((await call(h, 'GET', url, other)).statusCode).toBe(404);
    }
  });

  it('answers 404 for a DELETED resource, even to its owner, and for an unknown id; 400 for a malformed one', async () => {
    expect((await call(h, 'GET', `/api/resources/${r.gone!.id}`, owner)).statusCode).toBe(404);
    expect((await call(h, 'GET', `/api/resources/${r.gone!.id}`, admin)).statusCode).toBe(404);
    const unknown = await call(
      h,
      'GET',
      '/api/resources/5b0f1c1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      owner,
    );
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown).code).toBe('NOT_FOUND');
    const malformed = await call(h, 'GET', '/api/resources/not-a-uuid', owner);
    expect(malformed.statusCode).toBe(400);
    expect(errorOf(malformed).code).toBe('VALIDATION_ERROR');
  });
});
