import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, hoursFromNow, startBooking, type BookingHarness } from './harness.js';

describe('no double booking, under concurrency', () => {
  let h: BookingHarness;
  let tokens: string[];
  beforeAll(async () => {
    h = await startBooking({ DATABASE_POOL_MAX: '30' });
    tokens = await Promise.all(Array.from({ length: 100 }, () => h.tokenFor('CUSTOMER')));
  });
  afterAll(async () => {
    await h.close();
  });

  const create = (token: string, resourceId: string, startTime: string, endTime: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: { resourceId, startTime, endTime },
      headers: { authorization: `Bearer ${token}` },
    });
  const rows = async (resourceId: string) =>
    Number(
      (
        await h.container.pool.query<{ n: string }>(
          `SELECT count(*) AS n FROM bookings WHERE resource_id = $1`,
          [resourceId],
        )
      ).rows[0]!.n,
    );

  it('100 concurrent requests for one slot: exactly one 201, 99 × 409, no 5xx, one row', async () => {
    const resource = h.addResource();
    const [start, end] = [hoursFromNow(24), hoursFromNow(26)];
    const responses = await Promise.all(
      tokens.map((token) => create(token, resource.id, start, end)),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    expect(
      responses
        .filter((r) => r.statusCode === 409)
        .every((r) => errorCode(r) === 'BOOKING_CONFLICT'),
    ).toBe(true);
    expect(await rows(resource.id)).toBe(1);
  });

  const deadlocks = async () =>
    (await h.container.metrics.getSingleMetric('booking_deadlock_retries_total')!.get()).values[0]
      ?.value ?? 0;

  it('500 concurrent requests for one hot slot queue on the resource: no deadlock, no 5xx', async () => {
    const resource = h.addResource();
    const [start, end] = [hoursFromNow(200), hoursFromNow(201)];
    const many = Array.from({ length: 500 }, (_, i) => tokens[i % tokens.length]!);
    const deadlocksBefore = await deadlocks();
    const responses = await Promise.all(
      many.map((token) => create(token, resource.id, start, end)),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(499);
    // Overlapping inserts that do not queue deadlock each other (PostgreSQL breaks each after
    // its 1 s deadlock_timeout, and the victim is run again): the repository counts them.
    expect(await deadlocks()).toBe(deadlocksBefore);
    expect(await rows(resource.id)).toBe(1);
  });

  it('100 concurrent overlapping but different ranges: still exactly one', async () => {
    const resource = h.addResource();
    const base = Date.now() + 48 * 3_600_000;
    const responses = await Promise.all(
      tokens.map((token, i) => {
        // Every range contains the instant base + 100 min, none is identical.
        const start = new Date(base + i * 60_000);
        const end = new Date(base + (101 + i) * 60_000);
        return create(token, resource.id, start.toISOString(), end.toISOString());
      }),
    );
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.statusCode === 409)).toHaveLength(99);
    expect(await rows(resource.id)).toBe(1);
  });

  it('back-to-back ranges both succeed (half-open), and one resource does not block another', async () => {
    const resource = h.addResource();
    const other = h.addResource();
    const at = (hours: number) => hoursFromNow(72 + hours);
    expect((await create(tokens[0]!, resource.id, at(0), at(1))).statusCode).toBe(201);
    expect((await create(tokens[1]!, resource.id, at(1), at(2))).statusCode).toBe(201);
    expect((await create(tokens[2]!, other.id, at(0), at(2))).statusCode).toBe(201);
    expect((await create(tokens[3]!, resource.id, at(0.5), at(1.5))).statusCode).toBe(409);
  });

  it('a completed booking keeps holding its range (only CANCELLED and NO_SHOW free it)', async () => {
    const resource = h.addResource({ business: { ownerId: crypto.randomUUID() } });
    const owner = await h.tokenFor('VENDOR', resource.business.ownerId);
    const [start, end] = [hoursFromNow(120), hoursFromNow(122)];
    const booking = await create(tokens[6]!, resource.id, start, end);
    const id = booking.json<{ data: { id: string } }>().data.id;
    await h.startedAgo(id, 30);
    for (const action of ['confirm', 'check-in', 'complete']) {
      const response = await h.app.inject({
        method: 'POST',
        url: `/api/bookings/${id}/${action}`,
        headers: { authorization: `Bearer ${owner}` },
      });
      expect(response.statusCode, action).toBe(200);
    }
    // It now runs from 30 minutes ago for two hours: the rest of it is still held.
    expect(
      (await create(tokens[7]!, resource.id, hoursFromNow(0.2), hoursFromNow(1))).statusCode,
    ).toBe(409);
  });

  it('a cancelled booking frees its range', async () => {
    const resource = h.addResource();
    const [start, end] = [hoursFromNow(96), hoursFromNow(97)];
    const first = await create(tokens[4]!, resource.id, start, end);
    const id = first.json<{ data: { id: string } }>().data.id;
    expect((await create(tokens[5]!, resource.id, start, end)).statusCode).toBe(409);
    const cancel = await h.app.inject({
      method: 'POST',
      url: `/api/bookings/${id}/cancel`,
      payload: { reason: 'plans changed' },
      headers: { authorization: `Bearer ${tokens[4]}` },
    });
    expect(cancel.statusCode).toBe(200);
    expect((await create(tokens[5]!, resource.id, start, end)).statusCode).toBe(201);
  });
});

describe('the hot slot waits in memory, not for pool connections', () => {
  let h: BookingHarness;
  beforeAll(async () => {
    // Before the per-resource queue, each of these requests held one of the pool's connections
    // while it waited for the resource's lock: with 3 connections and a short checkout timeout,
    // most of them timed out.
    h = await startBooking({ DATABASE_POOL_MAX: '3', DATABASE_CONNECTION_TIMEOUT_MS: '1000' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('500 requests for one slot on a pool of 3: one 201, 499 × 409, not one 503', async () => {
    const tokens = await Promise.all(Array.from({ length: 50 }, () => h.tokenFor('CUSTOMER')));
    const resource = h.addResource();
    const [startTime, endTime] = [hoursFromNow(30), hoursFromNow(31)];
    const responses = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        h.app.inject({
          method: 'POST',
          url: '/api/bookings',
          payload: { resourceId: resource.id, startTime, endTime },
          headers: { authorization: `Bearer ${tokens[i % tokens.length]}` },
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(499);
  });
});
