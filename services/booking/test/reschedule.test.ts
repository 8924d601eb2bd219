import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startBooking, type BookingHarness } from './harness.js';

const hourFromNow = (hours: number) =>
  new Date((Math.ceil(Date.now() / 3_600_000) + hours) * 3_600_000).toISOString();

interface Booking {
  id: string;
  resourceId: string;
  status: string;
  startTime: string;
  endTime: string;
  totalPrice: string;
}

describe('rescheduling and expiry', () => {
  let h: BookingHarness;
  let customer: string;
  let customerId: string;
  const ownerId = crypto.randomUUID();
  let owner: string;
  beforeAll(async () => {
    h = await startBooking();
    customerId = crypto.randomUUID();
    customer = await h.tokenFor('CUSTOMER', customerId);
    owner = await h.tokenFor('VENDOR', ownerId);
  });
  afterAll(async () => {
    await h.close();
  });

  const book = async (body: object, token = customer) => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: body,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ data: Booking }>().data;
  };
  const reschedule = (id: string, startTime: string, endTime: string, token = customer) =>
    h.app.inject({
      method: 'POST',
      url: `/api/bookings/${id}/reschedule`,
      payload: { startTime, endTime },
      headers: { authorization: `Bearer ${token}` },
    });
  const stored = async (id: string) => {
    const q = (sql: string) =>
      h.container.pool.query<Record<string, unknown>>(sql, [id]).then((r) => r.rows);
    return {
      booking: await q('SELECT * FROM bookings WHERE id = $1'),
      history: await q(
        'SELECT * FROM booking_status_history WHERE booking_id = $1 ORDER BY at, id',
      ),
      outbox: await q(
        'SELECT type, version, payload FROM outbox WHERE aggregate_id = $1 ORDER BY version',
      ),
    };
  };

  it('moves a booking to another day: same id, new times and price, history and event', async () => {
    const resource = h.addResource({
      price: '10.00',
      priceUnit: 'PER_HOUR',
      business: { ownerId },
    });
    const booking = await book({
      resourceId: resource.id,
      startTime: hourFromNow(48),
      endTime: hourFromNow(49),
    });
    const moved = await reschedule(booking.id, hourFromNow(72), hourFromNow(74));
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<{ data: Booking }>().data).toMatchObject({
      id: booking.id,
      startTime: hourFromNow(72),
      endTime: hourFromNow(74),
      totalPrice: '20.00',
      status: 'PENDING',
    });
    const { booking: rows, history, outbox } = await stored(booking.id);
    expect(rows[0]).toMatchObject({ reschedules: 1, version: 2 });
    expect(history.at(-1)).toMatchObject({
      from_status: 'PENDING',
      to_status: 'PENDING',
      reason: 'RESCHEDULED',
      changed_by: customerId,
    });
    expect(outbox.at(-1)).toMatchObject({ type: 'booking.rescheduled', version: 2 });
    expect((outbox.at(-1) as { payload: { data: object } }).payload.data).toMatchObject({
      previousStartTime: booking.startTime,
      previousEndTime: booking.endTime,
      startTime: hourFromNow(72),
      reschedules: 1,
    });
    // The old time is free again, the new one is taken.
    await book({ resourceId: resource.id, startTime: hourFromNow(48), endTime: hourFromNow(49) });
  });

  it('a conflict leaves the booking, its history and its outbox exactly as they were', async () => {
    const resource = h.addResource({ bookingRules: { bufferMinutes: 15 }, business: { ownerId } });
    const mine = await book({
      resourceId: resource.id,
      startTime: hourFromNow(30),
      endTime: hourFromNow(31),
    });
    await book({ resourceId: resource.id, startTime: hourFromNow(40), endTime: hourFromNow(41) });
    const before = await stored(mine.id);
    // Ends right where the other starts, but the 15-minute buffer must follow it.
    const refused = await reschedule(mine.id, hourFromNow(39), hourFromNow(40));
    expect(refused.statusCode).toBe(409);
    expect(errorCode(refused)).toBe('BOOKING_CONFLICT');
    expect(await stored(mine.id)).toEqual(before);
    // A refused request changes nothing either.
    const empty = await reschedule(mine.id, hourFromNow(50), hourFromNow(50));
    expect(empty.statusCode).toBe(400);
    expect(await stored(mine.id)).toEqual(before);
  });

  it('a pooled booking moves to another room of its type when its own is taken', async () => {
    const category = crypto.randomUUID();
    const business = { ownerId };
    const [first, second] = ['Twin 1', 'Twin 2'].map((name) =>
      h.addResource({ name, categoryId: category, business }),
    );
    const mine = await book({
      categoryId: category,
      startTime: hourFromNow(100),
      endTime: hourFromNow(101),
    });
    expect(mine.resourceId).toBe(first!.id);
    await book({ resourceId: first!.id, startTime: hourFromNow(120), endTime: hourFromNow(121) });
    const moved = await reschedule(mine.id, hourFromNow(120), hourFromNow(121));
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<{ data: Booking }>().data.resourceId).toBe(second!.id);
    // A booking made on one room stays on it.
    const direct = await book({
      resourceId: second!.id,
      startTime: hourFromNow(130),
      endTime: hourFromNow(131),
    });
    await book({ resourceId: second!.id, startTime: hourFromNow(140), endTime: hourFromNow(141) });
    expect((await reschedule(direct.id, hourFromNow(140), hourFromNow(141))).statusCode).toBe(409);
  });

  it('who may move what: the customer until 24 hours before, the owner later, nobody else', async () => {
    const resource = h.addResource({ business: { ownerId } });
    const soon = await book({
      resourceId: resource.id,
      startTime: hourFromNow(5),
      endTime: hourFromNow(6),
    });
    expect((await reschedule(soon.id, hourFromNow(7), hourFromNow(8))).statusCode).toBe(403);
    expect((await reschedule(soon.id, hourFromNow(7), hourFromNow(8), owner)).statusCode).toBe(200);
    const stranger = await h.tokenFor('CUSTOMER');
    expect((await reschedule(soon.id, hourFromNow(9), hourFromNow(10), stranger)).statusCode).toBe(
      404,
    );
    const otherVendor = await h.tokenFor('VENDOR');
    expect(
      (await reschedule(soon.id, hourFromNow(9), hourFromNow(10), otherVendor)).statusCode,
    ).toBe(404);
    await h.app.inject({
      method: 'POST',
      url: `/api/bookings/${soon.id}/cancel`,
      payload: { reason: 'x' },
      headers: { authorization: `Bearer ${owner}` },
    });
    const cancelled = await reschedule(soon.id, hourFromNow(9), hourFromNow(10), owner);
    expect(cancelled.statusCode).toBe(409);
    expect(errorCode(cancelled)).toBe('INVALID_STATUS_TRANSITION');
  });

  it('check-in opens an hour before the start, completion at the start (409 with a reason)', async () => {
    const resource = h.addResource({ business: { ownerId } });
    const booking = await book({
      resourceId: resource.id,
      startTime: hourFromNow(3),
      endTime: hourFromNow(4),
    });
    const act = (action: string) =>
      h.app.inject({
        method: 'POST',
        url: `/api/bookings/${booking.id}/${action}`,
        headers: { authorization: `Bearer ${owner}` },
      });
    expect((await act('confirm')).statusCode).toBe(200);
    const early = await act('check-in');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      error: { message: 'Check-in opens one hour before the booking starts' },
    });
    await h.startedAgo(booking.id, -50); // starts in 50 minutes
    expect((await act('check-in')).statusCode).toBe(200);
    const notYet = await act('complete');
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json()).toMatchObject({
      error: { message: 'A booking cannot be completed before it starts' },
    });
    await h.startedAgo(booking.id, 1);
    expect((await act('complete')).statusCode).toBe(200);
  });

  it('an unconfirmed request expires once, however many runners try at once', async () => {
    const resource = h.addResource({ business: { ownerId } });
    const booking = await book({
      resourceId: resource.id,
      startTime: hourFromNow(10),
      endTime: hourFromNow(11),
    });
    await h.container.pool.query(
      `UPDATE bookings SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [booking.id],
    );
    const other = await h.anotherInstance();
    try {
      const counts = await Promise.all([
        h.container.changes.expireUnconfirmed(),
        other.container.changes.expireUnconfirmed(),
        h.container.changes.expireUnconfirmed(),
      ]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    } finally {
      await other.close();
    }
    const { booking: rows, history, outbox } = await stored(booking.id);
    expect(rows[0]).toMatchObject({
      status: 'CANCELLED',
      cancel_reason: 'EXPIRED',
      cancelled_by: null,
      expires_at: null,
    });
    expect(history.at(-1)).toMatchObject({
      to_status: 'CANCELLED',
      changed_by: null,
      reason: 'EXPIRED',
    });
    expect(outbox.filter((row) => row.type === 'booking.cancelled')).toHaveLength(1);
    // Its time is free again.
    await book({ resourceId: resource.id, startTime: hourFromNow(10), endTime: hourFromNow(11) });
  });
});
