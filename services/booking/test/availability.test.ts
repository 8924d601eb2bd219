import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBooking, type BookingHarness } from './harness.js';

describe('availability', () => {
  let h: BookingHarness;
  let token: string;
  const day = new Date(Date.now() + 10 * 86_400_000);
  day.setUTCHours(0, 0, 0, 0);
  const at = (hour: number) => new Date(day.getTime() + hour * 3_600_000).toISOString();

  beforeAll(async () => {
    h = await startBooking();
    token = await h.tokenFor('CUSTOMER');
  });
  afterAll(async () => {
    await h.close();
  });

  const book = async (resourceId: string, from: number, to: number) =>
    (
      await h.app.inject({
        method: 'POST',
        url: '/api/bookings',
        payload: { resourceId, startTime: at(from), endTime: at(to) },
        headers: { authorization: `Bearer ${token}` },
      })
    ).json<{ data: { id: string } }>().data.id;
  const availability = (query: string) =>
    h.app.inject({
      method: 'GET',
      url: `/api/bookings/availability?${query}`,
      headers: { authorization: `Bearer ${token}` },
    });

  it('lists busy ranges overlapping the window, edges half-open, and free slots between', async () => {
    const resource = h.addResource();
    await book(resource.id, 9, 10);
    await book(resource.id, 12, 13);
    const cancelled = await book(resource.id, 14, 15);
    await h.app.inject({
      method: 'POST',
      url: `/api/bookings/${cancelled}/cancel`,
      payload: { reason: 'no' },
      headers: { authorization: `Bearer ${token}` },
    });
    const response = await availability(
      `resourceId=${resource.id}&from=${encodeURIComponent(at(10))}&to=${encodeURIComponent(at(16))}&slotMinutes=60`,
    );
    expect(response.statusCode).toBe(200);
    const { busy, free } = response.json<{
      data: { busy: { startTime: string }[]; free: { startTime: string }[] };
    }>().data;
    // 9–10 ends exactly at the window's start: not busy in [10, 16).
    expect(busy.map((b) => b.startTime)).toEqual([at(12)]);
    expect(free.map((f) => f.startTime)).toEqual([at(10), at(11), at(13), at(14), at(15)]);

    const wider = await availability(
      `resourceId=${resource.id}&from=${encodeURIComponent(at(9.5))}&to=${encodeURIComponent(at(12))}`,
    );
    const body = wider.json<{
      data: { busy: { startTime: string }[]; free: { startTime: string }[]; open: unknown[] };
    }>().data;
    expect(body.busy.map((b) => b.startTime)).toEqual([at(9)]);
    // No slotMinutes and no grid in the rules: 60-minute slots from midnight; 09:30 is off it.
    expect(body.free.map((f) => f.startTime)).toEqual([at(10), at(11)]);
    // No opening hours: open is the whole window.
    expect(body.open).toEqual([{ startTime: at(9.5), endTime: at(12) }]);
  });

  it('refuses a window over 93 days, a reversed one, and too many slots', async () => {
    const resource = h.addResource();
    const query = (from: string, to: string, extra = '') =>
      availability(
        `resourceId=${resource.id}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${extra}`,
      );
    expect(
      (await query(at(0), new Date(day.getTime() + 94 * 86_400_000).toISOString())).statusCode,
    ).toBe(400);
    expect((await query(at(5), at(4))).statusCode).toBe(400);
    expect(
      (
        await query(
          at(0),
          new Date(day.getTime() + 90 * 86_400_000).toISOString(),
          '&slotMinutes=5',
        )
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await availability(
          `resourceId=nope&from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(1))}`,
        )
      ).statusCode,
    ).toBe(400);
  });
});
