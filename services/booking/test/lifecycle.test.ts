import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, hoursFromNow, startBooking, type BookingHarness } from './harness.js';

interface Booking {
  id: string;
  status: string;
  cancelReason: string | null;
  cancelledBy: string | null;
  cancelledAt: string | null;
}

describe('booking lifecycle, roles and tenancy', () => {
  let h: BookingHarness;
  const ids = {
    customer: crypto.randomUUID(),
    otherCustomer: crypto.randomUUID(),
    owner: crypto.randomUUID(),
    otherVendor: crypto.randomUUID(),
  };
  const tokens: Record<string, string> = {};
  let slot = 0;
  beforeAll(async () => {
    h = await startBooking();
    tokens.customer = await h.tokenFor('CUSTOMER', ids.customer);
    tokens.otherCustomer = await h.tokenFor('CUSTOMER', ids.otherCustomer);
    tokens.owner = await h.tokenFor('VENDOR', ids.owner);
    tokens.otherVendor = await h.tokenFor('VENDOR', ids.otherVendor);
    tokens.admin = await h.tokenFor('ADMIN');
  });
  afterAll(async () => {
    await h.close();
  });

  const act = (who: string, id: string, action: string, payload?: object) =>
    h.app.inject({
      method: 'POST',
      url: `/api/bookings/${id}/${action}`,
      ...(payload ? { payload } : {}),
      headers: { authorization: `Bearer ${tokens[who]}` },
    });
  const read = (who: string, url: string) =>
    h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[who]}` } });

  async function book(): Promise<Booking> {
    const resource = h.addResource({ business: { ownerId: ids.owner } });
    slot += 1;
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: {
        resourceId: resource.id,
        startTime: hoursFromNow(24 + slot),
        endTime: hoursFromNow(25 + slot),
      },
      headers: { authorization: `Bearer ${tokens.customer}` },
    });
    return response.json<{ data: Booking }>().data;
  }

  it('walks PENDING → CONFIRMED → IN_PROGRESS → COMPLETED by the owner, with history', async () => {
    const booking = await book();
    for (const [action, status] of [
      ['confirm', 'CONFIRMED'],
      ['check-in', 'IN_PROGRESS'],
      ['complete', 'COMPLETED'],
    ] as const) {
      // Check-in opens an hour before the start, completion at the start.
      if (action === 'check-in') await h.startedAgo(booking.id, 5);
      const response = await act('owner', booking.id, action);
      expect(response.statusCode).toBe(200);
      expect(response.json<{ data: Booking }>().data.status).toBe(status);
    }
    const history = await read('customer', `/api/bookings/${booking.id}/history`);
    expect(
      history.json<{ data: { fromStatus: string | null; toStatus: string; changedBy: string }[] }>()
        .data,
    ).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'PENDING', changedBy: ids.customer }),
      expect.objectContaining({
        fromStatus: 'PENDING',
        toStatus: 'CONFIRMED',
        changedBy: ids.owner,
      }),
      expect.objectContaining({ fromStatus: 'CONFIRMED', toStatus: 'IN_PROGRESS' }),
      expect.objectContaining({ fromStatus: 'IN_PROGRESS', toStatus: 'COMPLETED' }),
    ]);
    const { rows } = await h.container.pool.query(
      `SELECT type, version, payload->'data'->>'status' AS status,
         payload->'data'->>'previousStatus' AS "previousStatus"
       FROM outbox WHERE aggregate_id = $1 ORDER BY seq`,
      [booking.id],
    );
    expect(rows).toEqual([
      { type: 'booking.created', version: 1, status: 'PENDING', previousStatus: null },
      { type: 'booking.confirmed', version: 2, status: 'CONFIRMED', previousStatus: 'PENDING' },
      {
        type: 'booking.checked_in',
        version: 3,
        status: 'IN_PROGRESS',
        previousStatus: 'CONFIRMED',
      },
      {
        type: 'booking.completed',
        version: 4,
        status: 'COMPLETED',
        previousStatus: 'IN_PROGRESS',
      },
    ]);
  });

  it('refuses every transition that does not exist with 409', async () => {
    const booking = await book();
    for (const action of ['check-in', 'complete', 'no-show']) {
      const response = await act('owner', booking.id, action);
      expect(response.statusCode, action).toBe(409);
      expect(errorCode(response)).toBe('INVALID_STATUS_TRANSITION');
    }
    await act('owner', booking.id, 'confirm');
    expect((await act('owner', booking.id, 'confirm')).statusCode).toBe(409);
    expect((await act('owner', booking.id, 'complete')).statusCode).toBe(409);
    await act('owner', booking.id, 'cancel', { reason: 'closed' });
    for (const action of ['confirm', 'check-in', 'complete', 'no-show']) {
      expect((await act('owner', booking.id, action)).statusCode).toBe(409);
    }
    expect((await act('owner', booking.id, 'cancel', { reason: 'again' })).statusCode).toBe(409);
  });

  it('records a no-show only after the start', async () => {
    const booking = await book();
    await act('owner', booking.id, 'confirm');
    expect((await act('owner', booking.id, 'no-show')).statusCode).toBe(409);
    await h.container.pool.query(
      `UPDATE bookings SET start_time = now() - interval '1 hour', end_time = now() WHERE id = $1`,
      [booking.id],
    );
    const response = await act('owner', booking.id, 'no-show');
    expect(response.statusCode).toBe(200);
    expect(response.json<{ data: Booking }>().data.status).toBe('NO_SHOW');
  });

  it('lets the customer cancel PENDING and CONFIRMED, records who and why, but not IN_PROGRESS', async () => {
    const pending = await book();
    const cancelled = await act('customer', pending.id, 'cancel', { reason: 'sick' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<{ data: Booking }>().data).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'sick',
      cancelledBy: ids.customer,
    });
    expect(cancelled.json<{ data: Booking }>().data.cancelledAt).not.toBeNull();

    const confirmed = await book();
    await act('owner', confirmed.id, 'confirm');
    expect((await act('customer', confirmed.id, 'cancel', { reason: 'x' })).statusCode).toBe(200);

    const started = await book();
    await act('owner', started.id, 'confirm');
    await h.startedAgo(started.id, 5);
    expect((await act('owner', started.id, 'check-in')).statusCode).toBe(200);
    expect((await act('customer', started.id, 'cancel', { reason: 'x' })).statusCode).toBe(409);
    expect((await act('admin', started.id, 'cancel', { reason: 'emergency' })).statusCode).toBe(
      200,
    );
    expect((await act('customer', pending.id, 'cancel', {})).statusCode).toBe(400);
  });

  it('refuses the customer the owner’s transitions (403), and hides bookings across tenants (404)', async () => {
    const booking = await book();
    for (const action of ['confirm', 'check-in', 'complete', 'no-show']) {
      expect((await act('customer', booking.id, action)).statusCode, action).toBe(403);
    }
    for (const who of ['otherCustomer', 'otherVendor']) {
      expect((await read(who, `/api/bookings/${booking.id}`)).statusCode).toBe(404);
      expect((await read(who, `/api/bookings/${booking.id}/history`)).statusCode).toBe(404);
      expect((await act(who, booking.id, 'confirm')).statusCode).toBe(404);
      expect((await act(who, booking.id, 'cancel', { reason: 'mine now' })).statusCode).toBe(404);
    }
    expect((await read('admin', `/api/bookings/${booking.id}`)).statusCode).toBe(200);
    expect((await act('admin', booking.id, 'confirm')).statusCode).toBe(200);
    expect((await read('customer', `/api/bookings/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await read('customer', '/api/bookings/not-a-uuid')).statusCode).toBe(400);
  });

  it('lists what each role may see', async () => {
    const booking = await book();
    const ofCustomer = (await read('customer', '/api/bookings?limit=100')).json<{
      data: Booking[];
      meta: { total: number };
    }>();
    expect(ofCustomer.data.map((b) => b.id)).toContain(booking.id);
    const ofOther = (await read('otherCustomer', '/api/bookings')).json<{ data: Booking[] }>();
    expect(ofOther.data).toHaveLength(0);
    const ofOwner = (await read('owner', '/api/bookings?limit=100')).json<{ data: Booking[] }>();
    expect(ofOwner.data.map((b) => b.id)).toContain(booking.id);
    expect(
      (await read('otherVendor', '/api/bookings')).json<{ data: Booking[] }>().data,
    ).toHaveLength(0);
    const pending = (await read('admin', '/api/bookings?status=PENDING&limit=100')).json<{
      data: Booking[];
    }>();
    expect(pending.data.map((b) => b.id)).toContain(booking.id);
    expect(pending.data.every((b) => b.status === 'PENDING')).toBe(true);
    expect((await read('customer', '/api/bookings?limit=101')).statusCode).toBe(400);
  });
});
