import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createCategory,
  createResource,
  errorOf,
  startResource,
  type Actor,
  type ResourceHarness,
  type Vendor,
} from './harness.js';

interface Stats {
  total: number;
  byStatus: Record<string, number>;
  byType: Record<string, number>;
  byCategory: { categoryId: string | null; name: string | null; count: number }[];
  priceByCurrency: Record<string, { min: string; max: string; avg: string }>;
}

describe('GET /api/resources/stats', () => {
  let h: ResourceHarness;
  let owner: Vendor;
  let admin: Actor;
  let rooms: { id: string };
  beforeAll(async () => {
    h = await startResource();
    owner = await h.vendor();
    admin = await h.actor('ADMIN');
    rooms = await createCategory(h, owner, 'Rooms');
    await createResource(h, owner, { price: '10.00', categoryId: rooms.id });
    await createResource(h, owner, { price: '20.00', categoryId: rooms.id });
    const slot = await createResource(h, owner, { type: 'DOCTOR_SLOT', price: '20.01' });
    await createResource(h, owner, { type: 'DESK', price: '0.10', currency: 'EUR' });
    const gone = await createResource(h, owner, { type: 'DESK', price: '999.00', currency: 'GBP' });
    await call(h, 'PATCH', `/api/resources/${slot.id}/status`, owner, { status: 'MAINTENANCE' });
    await call(h, 'DELETE', `/api/resources/${gone.id}`, owner);
  });
  afterAll(async () => {
    await h.close();
  });

  const stats = async (who: Actor, query = ''): Promise<Stats> => {
    const response = await call(h, 'GET', `/api/resources/stats${query}`, who);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ data: Stats }>().data;
  };

  it('counts the owner’s resources by status, type and category, with prices per currency, DELETED excluded', async () => {
    expect(await stats(owner)).toEqual({
      total: 4,
      byStatus: { ACTIVE: 3, INACTIVE: 0, MAINTENANCE: 1 },
      byType: { HOTEL_ROOM: 2, DOCTOR_SLOT: 1, SALON_CHAIR: 0, DESK: 1, OTHER: 0 },
      byCategory: [
        { categoryId: rooms.id, name: 'Rooms', count: 2 },
        { categoryId: null, name: null, count: 2 },
      ],
      // (10.00 + 20.00 + 20.01) / 3 = 16.67, rounded to cents in SQL.
      priceByCurrency: {
        USD: { min: '10.00', max: '20.01', avg: '16.67' },
        EUR: { min: '0.10', max: '0.10', avg: '0.10' },
      },
    });
  });

  it('gives the same figures for the owner’s own businessId and to an ADMIN', async () => {
    const own = await stats(owner);
    expect(await stats(owner, `?businessId=${owner.business.id}`)).toEqual(own);
    expect(await stats(admin, `?businessId=${owner.business.id}`)).toEqual(own);
  });

  it('gives an ADMIN without businessId the whole platform', async () => {
    const other = await h.vendor();
    await createResource(h, other, { price: '5.00' });
    const all = await stats(admin);
    expect(all.total).toBe(5);
    expect(all.priceByCurrency.USD).toEqual({ min: '5.00', max: '20.01', avg: '13.75' });
  });

  it('answers zeros for a business without resources', async () => {
    const empty = await h.vendor();
    expect(await stats(empty)).toEqual({
      total: 0,
      byStatus: { ACTIVE: 0, INACTIVE: 0, MAINTENANCE: 0 },
      byType: { HOTEL_ROOM: 0, DOCTOR_SLOT: 0, SALON_CHAIR: 0, DESK: 0, OTHER: 0 },
      byCategory: [],
      priceByCurrency: {},
    });
  });

  it('refuses another vendor’s business (403) and customers (403)', async () => {
    const other = await h.vendor();
    const refused = await call(
      h,
      'GET',
      `/api/resources/stats?businessId=${owner.business.id}`,
      other,
    );
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('FORBIDDEN');
    const customer = await h.actor('CUSTOMER');
    expect((await call(h, 'GET', '/api/resources/stats', customer)).statusCode).toBe(403);
    expect(
      (await call(h, 'GET', `/api/resources/stats?businessId=${owner.business.id}`, customer))
        .statusCode,
    ).toBe(403);
  });

  it('answers 404 for an unknown business or a vendor without one, 400 for a malformed id', async () => {
    const unknown = '5b0f1c1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(
      (await call(h, 'GET', `/api/resources/stats?businessId=${unknown}`, admin)).statusCode,
    ).toBe(404);
    const nobody = await h.actor('VENDOR');
    expect((await call(h, 'GET', '/api/resources/stats', nobody)).statusCode).toBe(404);
    expect((await call(h, 'GET', '/api/resources/stats?businessId=12', admin)).statusCode).toBe(
      400,
    );
    expect((await call(h, 'GET', '/api/resources/stats?extra=1', admin)).statusCode).toBe(400);
  });
});
