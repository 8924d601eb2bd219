import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badFields,
  errorOf,
  startBusiness,
  type BusinessHarness,
  type BusinessJson,
  type Person,
} from './harness.js';

describe('DELETE /api/businesses/:id', () => {
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

  it('soft-deletes for the owner: 204, the row stays DELETED, the deletion is announced', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner, {}, { verifiedBy: admin });
    const response = await remove(business.id, owner);

    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(await h.row(business.id)).toMatchObject({ status: 'DELETED', version: 3 });
    const events = await h.events(business.id);
    expect(events.at(-1)).toMatchObject({ type: 'business.deleted', version: 3 });
    expect(events.at(-1)?.payload.data).toMatchObject({ status: 'DELETED', ownerId: owner.id });
    // Gone for everyone else; its owner and admins still find it.
    const customer = await h.person('CUSTOMER');
    expectRefusal(
      await h.call('GET', `/api/businesses/${business.id}`, customer),
      404,
      'NOT_FOUND',
    );
    const mine = await h.call('GET', '/api/businesses/me', owner);
    expect(mine.json<{ data: BusinessJson }>().data.status).toBe('DELETED');
  });

  it('is final: every later change is a 409, for the owner and for admins', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner, {}, { verifiedBy: admin });
    expect((await remove(business.id, admin)).statusCode).toBe(204);

    for (const who of [owner, admin]) {
      expectRefusal(await remove(business.id, who), 409, 'INVALID_STATUS_TRANSITION');
      expectRefusal(await setStatus(business.id, who, 'ACTIVE'), 409, 'INVALID_STATUS_TRANSITION');
    }
    expectRefusal(
      await setStatus(business.id, admin, 'SUSPENDED'),
      409,
      'INVALID_STATUS_TRANSITION',
    );
    expectRefusal(await verify(business.id, admin), 409, 'INVALID_STATUS_TRANSITION');
    expect(await h.row(business.id)).toMatchObject({ status: 'DELETED', version: 3 });
    expect(await h.events(business.id)).toHaveLength(3);
  });

  it('keeps other vendors and customers out: 404 while hidden, 403 once visible', async () => {
    const owner = await h.person('VENDOR');
    const intruder = await h.person('VENDOR');
    const business = await h.createBusiness(owner);
    expectRefusal(await remove(business.id, intruder), 404, 'NOT_FOUND');
    await verify(business.id, admin);
    expectRefusal(await remove(business.id, intruder), 403, 'FORBIDDEN');
    expectRefusal(await remove(business.id, await h.person('CUSTOMER')), 403, 'FORBIDDEN');
    expect((await remove(business.id)).statusCode).toBe(401);
    expect((await h.row(business.id))?.status).toBe('ACTIVE');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expectRefusal(await remove(crypto.randomUUID(), admin), 404, 'NOT_FOUND');
    const malformed = await remove('x', admin);
    expect(badFields(malformed)).toEqual(['params.id']);
  });

  it('decides concurrent status changes one after the other, with one event per change', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner, {}, { verifiedBy: admin });
    const responses = await Promise.all([
      setStatus(business.id, admin, 'SUSPENDED'),
      setStatus(business.id, owner, 'INACTIVE'),
      remove(business.id, owner),
    ]);
    const events = await h.events(business.id);
    const row = await h.row(business.id);
    // Versions are gapless and each event names the status it left, whatever the order was.
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    expect(row?.version).toBe(events.length);
    expect(responses.filter((r) => r.statusCode < 300).length).toBe(events.length - 2);
  });
});
