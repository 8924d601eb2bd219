import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, hoursFromNow, startBooking, type BookingHarness } from './harness.js';

interface BookingBody {
  data: {
    id: string;
    status: string;
    totalPrice: string;
    priceAtBooking: string;
    businessName: string;
    resourceName: string;
    userId: string;
    vendorId: string;
  };
}

describe('creating a booking', () => {
  let h: BookingHarness;
  let customer: string;
  let customerId: string;
  beforeAll(async () => {
    h = await startBooking();
    customerId = crypto.randomUUID();
    customer = await h.tokenFor('CUSTOMER', customerId);
  });
  afterAll(async () => {
    await h.close();
  });

  const create = (body: object, token = customer, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: body,
      headers: { authorization: `Bearer ${token}`, ...headers },
    });
  const count = async (sql: string, values: unknown[]) =>
    Number((await h.container.pool.query<{ n: string }>(sql, values)).rows[0]!.n);

  it('books a bookable resource: PENDING, with the snapshot, history and event stored', async () => {
    const resource = h.addResource({ name: 'Suite', price: '99.95', priceUnit: 'PER_BOOKING' });
    const response = await create({
      resourceId: resource.id,
      startTime: hoursFromNow(24),
      endTime: hoursFromNow(26),
      notes: 'late',
    });
    expect(response.statusCode).toBe(201);
    const booking = response.json<BookingBody>().data;
    expect(booking).toMatchObject({
      status: 'PENDING',
      userId: customerId,
      vendorId: resource.business.ownerId,
      businessName: 'Grand Hotel',
      resourceName: 'Suite',
      priceAtBooking: '99.95',
      totalPrice: '99.95',
    });
    const { rows } = await h.container.pool.query(
      `SELECT status, user_id, vendor_id, total_price::text AS total FROM bookings WHERE id = $1`,
      [booking.id],
    );
    expect(rows).toEqual([
      {
        status: 'PENDING',
        user_id: customerId,
        vendor_id: resource.business.ownerId,
        total: '99.95',
      },
    ]);
    expect(
      await count(
        `SELECT count(*) AS n FROM booking_status_history WHERE booking_id = $1 AND to_status = 'PENDING'`,
        [booking.id],
      ),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM outbox WHERE aggregate_id = $1 AND type = 'booking.created'`,
        [booking.id],
      ),
    ).toBe(1);
  });

  it('answers 404 for an unknown resource and 422 for one that is not bookable', async () => {
    const unknown = await create({
      resourceId: crypto.randomUUID(),
      startTime: hoursFromNow(24),
      endTime: hoursFromNow(25),
    });
    expect(unknown.statusCode).toBe(404);
    for (const resource of [
      h.addResource({ status: 'INACTIVE' }),
      h.addResource({ status: 'MAINTENANCE' }),
      h.addResource({ business: { status: 'SUSPENDED' } }),
      h.addResource({ business: { status: 'PENDING', isVerified: false } }),
    ]) {
      const response = await create({
        resourceId: resource.id,
        startTime: hoursFromNow(24),
        endTime: hoursFromNow(25),
      });
      expect(response.statusCode).toBe(422);
      expect(errorCode(response)).toBe('RESOURCE_NOT_BOOKABLE');
    }
  });

  it('answers 503 when the resource service is down, and writes nothing', async () => {
    const resource = h.addResource();
    h.resources.down = true;
    try {
      const started = performance.now();
      const response = await create({
        resourceId: resource.id,
        startTime: hoursFromNow(24),
        endTime: hoursFromNow(25),
      });
      expect(response.statusCode).toBe(503);
      expect(errorCode(response)).toBe('SERVICE_UNAVAILABLE');
      expect(response.headers['retry-after']).toBeDefined();
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(
        await count(`SELECT count(*) AS n FROM bookings WHERE resource_id = $1`, [resource.id]),
      ).toBe(0);
    } finally {
      h.resources.down = false;
    }
  });

  it('refuses bad times: end before start, in the past, too long', async () => {
    const resource = h.addResource();
    const cases = [
      { startTime: hoursFromNow(25), endTime: hoursFromNow(24) },
      { startTime: hoursFromNow(24), endTime: hoursFromNow(24) },
      { startTime: hoursFromNow(-2), endTime: hoursFromNow(1) },
      { startTime: hoursFromNow(24), endTime: hoursFromNow(24 + 31 * 24) },
      { startTime: 'tomorrow', endTime: hoursFromNow(1) },
      { startTime: '2026-12-01T10:00:00', endTime: '2026-12-01T11:00:00' },
    ];
    for (const times of cases) {
      const response = await create({ resourceId: resource.id, ...times });
      expect(response.statusCode, JSON.stringify(times)).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
  });

  it('refuses fields a client must not set, and non-customers', async () => {
    const resource = h.addResource();
    const base = {
      resourceId: resource.id,
      startTime: hoursFromNow(30),
      endTime: hoursFromNow(31),
    };
    for (const extra of [
      { userId: crypto.randomUUID() },
      { vendorId: crypto.randomUUID() },
      { status: 'CONFIRMED' },
      { totalPrice: '0.01' },
      { priceAtBooking: '0.01' },
    ]) {
      expect((await create({ ...base, ...extra })).statusCode, JSON.stringify(extra)).toBe(400);
    }
    for (const role of ['VENDOR', 'ADMIN'] as const) {
      const response = await create(base, await h.tokenFor(role));
      expect(response.statusCode).toBe(403);
    }
    expect(
      (await h.app.inject({ method: 'POST', url: '/api/bookings', payload: base })).statusCode,
    ).toBe(401);
    expect((await create({ ...base, resourceId: 'not-a-uuid' })).statusCode).toBe(400);
  });

  it('keeps the snapshot when the resource later changes its price and name', async () => {
    const resource = h.addResource({ name: 'Desk 7', price: '20.00', priceUnit: 'PER_HOUR' });
    const response = await create({
      resourceId: resource.id,
      startTime: hoursFromNow(48),
      endTime: hoursFromNow(50),
    });
    const id = response.json<BookingBody>().data.id;
    h.resources.resources.set(resource.id, {
      ...resource,
      name: 'Desk 7 (renamed)',
      price: '99.00',
    });
    const read = await h.app.inject({
      method: 'GET',
      url: `/api/bookings/${id}`,
      headers: { authorization: `Bearer ${customer}` },
    });
    expect(read.json<BookingBody>().data).toMatchObject({
      resourceName: 'Desk 7',
      priceAtBooking: '20.00',
      totalPrice: '40.00',
    });
  });

  it('the exclusion constraint is in the migrated database', async () => {
    const { rows } = await h.container.pool.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'bookings_no_overlap'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.def).toMatch(
      /EXCLUDE USING gist \(resource_id WITH =, tstzrange\(start_time, booking_held_until\(end_time, buffer_minutes\), '\[\)'::text\) WITH &&\)/,
    );
    expect(rows[0]!.def).toMatch(/PENDING.*CONFIRMED.*IN_PROGRESS.*COMPLETED/);
    expect(rows[0]!.def).not.toMatch(/CANCELLED|NO_SHOW/);
  });
});
