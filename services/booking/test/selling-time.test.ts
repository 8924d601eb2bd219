import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startBooking, type BookingHarness } from './harness.js';

/** The next date (YYYY-MM-DD) at least `minDays` ahead that falls on `weekday` (1 = Monday). */
function nextWeekday(weekday: number, minDays: number): string {
  const day = new Date(Date.now() + minDays * 86_400_000);
  while (day.getUTCDay() !== weekday % 7) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** A Berlin wall-clock time on `date` as an instant (Berlin is UTC+1 in winter, +2 in summer). */
function berlin(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const offset = Number(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'shortOffset' })
      .formatToParts(guess)
      .find((p) => p.type === 'timeZoneName')!
      .value.replace('GMT', '') || 0,
  );
  return new Date(guess.getTime() - offset * 3_600_000).toISOString();
}

describe('selling time: opening hours and booking rules', () => {
  let h: BookingHarness;
  let customer: string;
  beforeAll(async () => {
    h = await startBooking();
    customer = await h.tokenFor('CUSTOMER');
  });
  afterAll(async () => {
    await h.close();
  });

  const create = (body: object, token = customer) =>
    h.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: body,
      headers: { authorization: `Bearer ${token}` },
    });

  it('a clinic open Mon–Fri 09:00–17:00 in Berlin, 30-minute slots, a 10-minute buffer', async () => {
    const monday = nextWeekday(1, 3);
    const tuesday = new Date(Date.parse(monday) + 86_400_000).toISOString().slice(0, 10);
    const hours = [['09:00', '17:00']] as [string, string][];
    const clinic = h.addResource({
      type: 'DOCTOR_SLOT',
      bookingRules: { slotMinutes: 30, bufferMinutes: 10 },
      schedule: {
        weekly: { MON: hours, TUE: hours, WED: hours, THU: hours, FRI: hours },
        overrides: [{ date: tuesday, intervals: [] }],
      },
      business: { timezone: 'Europe/Berlin' },
    });
    const at = (time: string, end: string, date = monday) =>
      create({ resourceId: clinic.id, startTime: berlin(date, time), endTime: berlin(date, end) });

    expect((await at('09:00', '09:30')).statusCode).toBe(201);
    const early = await at('08:30', '09:00');
    expect(early.statusCode).toBe(422);
    expect(errorCode(early)).toBe('OUTSIDE_OPENING_HOURS');
    const offGrid = await at('09:10', '09:40');
    expect(offGrid.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ error: { details: { timezone: 'Europe/Berlin' } } });
    expect(offGrid.json()).toMatchObject({
      error: { code: 'BOOKING_RULE_VIOLATED', details: { rule: 'slotGrid', slotMinutes: 30 } },
    });
    // 09:30 is within the first booking's 10-minute buffer: the database refuses it.
    const inBuffer = await at('09:30', '10:00');
    expect(inBuffer.statusCode).toBe(409);
    expect(errorCode(inBuffer)).toBe('BOOKING_CONFLICT');
    expect((await at('10:00', '10:30')).statusCode).toBe(201);
    expect((await at('16:30', '17:00')).statusCode).toBe(201);
    expect(errorCode(await at('16:30', '17:30'))).toBe('OUTSIDE_OPENING_HOURS');
    // Tuesday is closed by an override.
    expect(errorCode(await at('10:00', '10:30', tuesday))).toBe('OUTSIDE_OPENING_HOURS');

    const availability = await h.app.inject({
      method: 'GET',
      url: `/api/bookings/availability?resourceId=${clinic.id}&from=${berlin(monday, '00:00')}&to=${berlin(tuesday, '23:59')}`,
    });
    expect(availability.statusCode).toBe(200);
    const data = availability.json<{
      data: {
        timezone: string;
        open: { startTime: string; endTime: string }[];
        busy: { startTime: string; endTime: string }[];
        free: { startTime: string; available: number }[];
      };
    }>().data;
    expect(data.timezone).toBe('Europe/Berlin');
    expect(data.open).toEqual([
      { startTime: berlin(monday, '09:00'), endTime: berlin(monday, '17:00') },
    ]);
    // Busy ranges carry the buffer.
    expect(data.busy[0]).toEqual({
      startTime: berlin(monday, '09:00'),
      endTime: berlin(monday, '09:40'),
    });
    const free = data.free.map((slot) => slot.startTime);
    // 16 half-hours in the day, 3 booked; 09:30 and 10:30 lie in the buffers of 09:00 and 10:00,
    // and 16:00's own buffer would run into 16:30.
    expect(free).toHaveLength(16 - 3 - 3);
    expect(free).not.toContain(berlin(monday, '16:00'));
    expect(free[0]).toBe(berlin(monday, '11:00'));
    expect(free).not.toContain(berlin(monday, '10:30'));
    expect(data.free.every((slot) => slot.available === 1)).toBe(true);
  });

  it('refuses each rule at its edge with the rule named, and accepts the edge itself', async () => {
    const resource = h.addResource({
      bookingRules: {
        minDurationMinutes: 30,
        maxDurationMinutes: 120,
        minNoticeMinutes: 120,
        maxAdvanceDays: 10,
      },
    });
    const minute = 60_000;
    const base = Math.ceil((Date.now() + 3 * 3_600_000) / (60 * minute)) * 60 * minute;
    const book = (start: number, minutes: number) =>
      create({
        resourceId: resource.id,
        startTime: new Date(start).toISOString(),
        endTime: new Date(start + minutes * minute).toISOString(),
      });
    const rule = async (start: number, minutes: number) => {
      const response = await book(start, minutes);
      return response.statusCode === 201
        ? 'ok'
        : (response.json<{ error: { details?: { rule?: string } } }>().error.details?.rule ??
            response.statusCode);
    };
    expect(await rule(base, 29)).toBe('minDuration');
    expect(await rule(base, 30)).toBe('ok');
    expect(await rule(base + 60 * minute, 121)).toBe('maxDuration');
    expect(await rule(base + 60 * minute, 120)).toBe('ok');
    expect(await rule(Date.now() + 60 * minute, 30)).toBe('minNotice');
    const horizon = Date.now() + 10 * 86_400_000;
    expect(await rule(horizon + 5 * minute, 30)).toBe('maxAdvance');
    expect(await rule(horizon - 5 * minute, 30)).toBe('ok');
  });

  it('auto-confirm makes a booking CONFIRMED at once; a request waits and will expire', async () => {
    const auto = h.addResource({ bookingRules: { autoConfirm: true } });
    const manual = h.addResource({ business: { confirmationWindowMinutes: 600 } });
    const times = (hours: number) => ({
      startTime: new Date(Math.ceil(Date.now() / 3_600_000 + hours) * 3_600_000).toISOString(),
      endTime: new Date(Math.ceil(Date.now() / 3_600_000 + hours + 1) * 3_600_000).toISOString(),
    });
    const confirmed = await create({ resourceId: auto.id, ...times(48) });
    expect(confirmed.json()).toMatchObject({ data: { status: 'CONFIRMED' } });
    const pending = await create({ resourceId: manual.id, ...times(48) });
    const soon = await create({ resourceId: manual.id, ...times(1) }); // within 2 hours
    const expires = async (response: typeof pending) =>
      (
        await h.container.pool.query<{
          expires_at: Date | null;
          start_time: Date;
          created_at: Date;
        }>('SELECT expires_at, start_time, created_at FROM bookings WHERE id = $1', [
          response.json<{ data: { id: string } }>().data.id,
        ])
      ).rows[0]!;
    expect((await expires(confirmed)).expires_at).toBeNull();
    const later = await expires(pending);
    expect(later.expires_at!.getTime() - later.created_at.getTime()).toBe(600 * 60_000);
    // Its start comes before the window ends: it expires at its start.
    const early = await expires(soon);
    expect(early.expires_at!.getTime()).toBe(early.start_time.getTime());
  });

  it('anyone may read availability; nobody books without signing in', async () => {
    const resource = h.addResource();
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const anonymous = await h.app.inject({
      method: 'GET',
      url: `/api/bookings/availability?resourceId=${resource.id}&from=${day}T00:00:00Z&to=${day}T06:00:00Z`,
    });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json<{ data: { free: unknown[] } }>().data.free).toHaveLength(6);
    const bad = await h.app.inject({
      method: 'GET',
      url: `/api/bookings/availability?resourceId=${resource.id}&from=${day}T00:00:00Z&to=${day}T06:00:00Z`,
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(bad.statusCode).toBe(401);
    const write = await h.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: {
        resourceId: resource.id,
        startTime: `${day}T01:00:00Z`,
        endTime: `${day}T02:00:00Z`,
      },
    });
    expect(write.statusCode).toBe(401);
    expect(
      (await h.app.inject({ method: 'GET', url: `/api/bookings?resourceId=${resource.id}` }))
        .statusCode,
    ).toBe(401);
  });

  it('refuses a body with both or neither of resourceId and categoryId', async () => {
    const resource = h.addResource();
    const times = {
      startTime: new Date(Date.now() + 86_400_000).toISOString(),
      endTime: new Date(Date.now() + 90_000_000).toISOString(),
    };
    expect((await create({ ...times })).statusCode).toBe(400);
    expect(
      (await create({ ...times, resourceId: resource.id, categoryId: crypto.randomUUID() }))
        .statusCode,
    ).toBe(400);
    const unknown = await create({ ...times, categoryId: crypto.randomUUID() });
    expect(unknown.statusCode).toBe(404);
  });
});
