import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, hoursFromNow, startBooking, type BookingHarness } from './harness.js';

describe('Idempotency-Key', () => {
  let h: BookingHarness;
  let token: string;
  beforeAll(async () => {
    h = await startBooking();
    token = await h.tokenFor('CUSTOMER');
  });
  afterAll(async () => {
    await h.close();
  });

  const create = (body: object, key: string, bearer = token) =>
    h.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: body,
      headers: { authorization: `Bearer ${bearer}`, 'idempotency-key': key },
    });
  const idOf = (response: { json: <T>() => T }) =>
    response.json<{ data: { id: string } }>().data.id;

  it('replays the first response for the same key and body', async () => {
    const resource = h.addResource();
    const body = {
      resourceId: resource.id,
      startTime: hoursFromNow(24),
      endTime: hoursFromNow(25),
    };
    const first = await create(body, 'key-1');
    const again = await create(body, 'key-1');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(idOf(again)).toBe(idOf(first));
    expect(again.body).toBe(first.body);
    const { rows } = await h.container.pool.query(
      `SELECT count(*)::int AS n FROM bookings WHERE resource_id = $1`,
      [resource.id],
    );
    expect(rows[0]).toEqual({ n: 1 });
  });

  it('refuses the same key with another body (422), and keys are per user', async () => {
    const resource = h.addResource();
    const body = {
      resourceId: resource.id,
      startTime: hoursFromNow(30),
      endTime: hoursFromNow(31),
    };
    expect((await create(body, 'key-2')).statusCode).toBe(201);
    const other = await create({ ...body, notes: 'different' }, 'key-2');
    expect(other.statusCode).toBe(422);
    expect(errorCode(other)).toBe('IDEMPOTENCY_KEY_REUSED');
    const someoneElse = await create(
      { ...body, startTime: hoursFromNow(31), endTime: hoursFromNow(32) },
      'key-2',
      await h.tokenFor('CUSTOMER'),
    );
    expect(someoneElse.statusCode).toBe(201);
  });

  it('20 concurrent requests with one key create one booking and all get it', async () => {
    const resource = h.addResource();
    const body = {
      resourceId: resource.id,
      startTime: hoursFromNow(40),
      endTime: hoursFromNow(41),
    };
    const responses = await Promise.all(Array.from({ length: 20 }, () => create(body, 'key-3')));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(responses.map(idOf)).size).toBe(1);
    const { rows } = await h.container.pool.query(
      `SELECT count(*)::int AS n FROM bookings WHERE resource_id = $1`,
      [resource.id],
    );
    expect(rows[0]).toEqual({ n: 1 });
  });

  it('a key is free again once it has expired', async () => {
    const resource = h.addResource();
    const body = {
      resourceId: resource.id,
      startTime: hoursFromNow(50),
      endTime: hoursFromNow(51),
    };
    const first = await create(body, 'key-4');
    await h.container.pool.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'key-4'`,
    );
    const later = await create(
      { ...body, startTime: hoursFromNow(52), endTime: hoursFromNow(53) },
      'key-4',
    );
    expect(later.statusCode).toBe(201);
    expect(idOf(later)).not.toBe(idOf(first));
  });

  it('refuses a malformed key', async () => {
    const resource = h.addResource();
    const response = await create(
      { resourceId: resource.id, startTime: hoursFromNow(60), endTime: hoursFromNow(61) },
      'has spaces in it',
    );
    expect(response.statusCode).toBe(400);
  });
});
