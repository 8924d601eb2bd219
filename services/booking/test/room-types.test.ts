import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startBooking, type BookingHarness } from './harness.js';

/** The start of the hour `hours` from now, as an instant. */
const hourFromNow = (hours: number) =>
  new Date((Math.ceil(Date.now() / 3_600_000) + hours) * 3_600_000);

describe('room types and buffers under races', () => {
  let h: BookingHarness;
  let tokens: string[];
  beforeAll(async () => {
    h = await startBooking({ DATABASE_POOL_MAX: '20' });
    tokens = await Promise.all(Array.from({ length: 50 }, () => h.tokenFor('CUSTOMER')));
  });
  afterAll(async () => {
    await h.close();
  });

  const post = (app: typeof h.app, i: number, body: object) =>
    app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: body,
      headers: { authorization: `Bearer ${tokens[i % tokens.length]}` },
    });

  it('3 Deluxe Rooms, 200 concurrent requests for one night over two instances: exactly 3, on 3 rooms', async () => {
    const category = crypto.randomUUID();
    const business = { id: crypto.randomUUID(), ownerId: crypto.randomUUID() };
    const rooms = ['Deluxe 1', 'Deluxe 2', 'Deluxe 3'].map((name) =>
      h.addResource({ name, categoryId: category, priceUnit: 'PER_NIGHT', business }),
    );
    h.addResource({
      name: 'Deluxe 4 (closed)',
      categoryId: category,
      status: 'MAINTENANCE',
      business,
    });
    const night = {
      categoryId: category,
      startTime: hourFromNow(72).toISOString(),
      endTime: hourFromNow(72 + 20).toISOString(),
    };
    const other = await h.anotherInstance();
    try {
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) => post(i % 2 ? other.app : h.app, i, night)),
      );
      const created = responses.filter((r) => r.statusCode === 201);
      expect(created).toHaveLength(3);
      const refused = responses.filter((r) => r.statusCode === 409);
      expect(refused).toHaveLength(197);
      expect(new Set(refused.map(errorCode))).toEqual(new Set(['NO_RESOURCE_AVAILABLE']));
      const booked = created.map(
        (r) => r.json<{ data: { resourceId: string; categoryId: string } }>().data,
      );
      expect(new Set(booked.map((b) => b.resourceId))).toEqual(new Set(rooms.map((r) => r.id)));
      expect(booked.every((b) => b.categoryId === category)).toBe(true);
    } finally {
      await other.close();
    }
    const { rows } = await h.container.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM bookings WHERE category_id = $1 AND pooled',
      [category],
    );
    expect(Number(rows[0]!.n)).toBe(3);

    const availability = await h.app.inject({
      method: 'GET',
      url: `/api/bookings/availability?categoryId=${category}&from=${night.startTime}&to=${hourFromNow(72 + 24).toISOString()}`,
    });
    const free = availability.json<{ data: { free: { startTime: string; available: number }[] } }>()
      .data.free;
    // The night is sold out: the first free hour is after it, with all three rooms.
    expect(free[0]).toMatchObject({ startTime: night.endTime, available: 3 });
  });

  it('a 30-minute buffer under a 300-way race: no two bookings closer than the buffer', async () => {
    const desk = h.addResource({ bookingRules: { bufferMinutes: 30, slotMinutes: 15 } });
    const base = hourFromNow(24).getTime();
    const other = await h.anotherInstance();
    let responses;
    try {
      responses = await Promise.all(
        Array.from({ length: 300 }, (_, i) => {
          // 45-minute bookings starting on any quarter hour of a 10-hour stretch.
          const start = base + ((i * 7) % 40) * 15 * 60_000;
          return post(i % 3 ? h.app : other.app, i, {
            resourceId: desk.id,
            startTime: new Date(start).toISOString(),
            endTime: new Date(start + 45 * 60_000).toISOString(),
          });
        }),
      );
    } finally {
      await other.close();
    }
    const statuses = new Set(responses.map((r) => r.statusCode));
    expect([...statuses].sort()).toEqual([201, 409]);
    const { rows } = await h.container.pool.query<{ start_time: Date; end_time: Date }>(
      'SELECT start_time, end_time FROM bookings WHERE resource_id = $1 ORDER BY start_time',
      [desk.id],
    );
    expect(rows.length).toBe(responses.filter((r) => r.statusCode === 201).length);
    expect(rows.length).toBeGreaterThan(1);
    for (let i = 1; i < rows.length; i += 1) {
      const gap = rows[i]!.start_time.getTime() - rows[i - 1]!.end_time.getTime();
      expect(gap).toBeGreaterThanOrEqual(30 * 60_000);
    }
  });
});
