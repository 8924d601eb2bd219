import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, data, errorCode, type Session } from './client.js';
import { startPlatform, type Platform } from './platform.js';

interface Booking {
  id: string;
  resourceId: string;
  status: string;
  startTime: string;
  endTime: string;
}
interface Availability {
  timezone: string;
  open: { startTime: string; endTime: string }[];
  free: { startTime: string; endTime: string; available: number }[];
}

/** The next date (YYYY-MM-DD) at least `minDays` ahead that falls on `weekday` (1 = Monday). */
function nextWeekday(weekday: number, minDays: number): string {
  const day = new Date(Date.now() + minDays * 86_400_000);
  while (day.getUTCDay() !== weekday % 7) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

/** A wall-clock time in a zone on a date, as an ISO instant. */
function local(date: string, time: string, timeZone: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(guess)
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT+01:00"
  const match = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  const offset = match
    ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
    : 0;
  return new Date(guess.getTime() - offset * 60_000).toISOString();
}

describe('selling time end to end: a clinic, a hotel, a visitor', () => {
  let platform: Platform;
  let api: ApiClient;
  let admin: Session;
  let customer: Session;

  beforeAll(async () => {
    platform = await startPlatform();
    api = new ApiClient(platform);
    admin = await api.admin();
    customer = await api.signUp('patient@example.com');
  });
  afterAll(async () => {
    await platform.close();
  });

  /** A verified business of a new vendor, and a way to create its resources once bookable. */
  async function business(email: string, body: object) {
    const vendor = await api.signUp(email, 'VENDOR');
    const created = data<{ id: string }>(
      await api.call('POST', '/api/businesses', body, vendor.accessToken),
    );
    await api.call('PATCH', `/api/businesses/${created.id}/verify`, undefined, admin.accessToken);
    const resource = (payload: object) =>
      waitFor(
        async () => {
          const response = await api.call('POST', '/api/resources', payload, vendor.accessToken);
          if (response.statusCode !== 201) throw new Error(`not yet: ${response.body}`);
          return data<{ id: string }>(response).id;
        },
        { timeoutMs: 15_000, intervalMs: 300 },
      );
    return { vendor, id: created.id, resource };
  }

  it('a clinic open Mon–Fri 09:00–17:00 in Berlin with 30-minute slots and a 10-minute buffer', async () => {
    const tz = 'Europe/Berlin';
    const clinic = await business('clinic@example.com', {
      name: 'Praxis Mitte',
      type: 'CLINIC',
      timezone: tz,
    });
    const monday = nextWeekday(1, 3);
    const holiday = plusDays(monday, 1);
    const hours = [['09:00', '17:00']];
    const schedule = await api.call(
      'PUT',
      `/api/businesses/${clinic.id}/schedule`,
      {
        weekly: { MON: hours, TUE: hours, WED: hours, THU: hours, FRI: hours },
        overrides: [{ date: holiday, intervals: [] }],
      },
      clinic.vendor.accessToken,
    );
    expect(schedule.statusCode, schedule.body).toBe(200);
    const doctor = await clinic.resource({
      name: 'Dr. Weber',
      type: 'DOCTOR_SLOT',
      price: '80.00',
      currency: 'EUR',
      bookingRules: { slotMinutes: 30, bufferMinutes: 10 },
    });

    const query = `/api/bookings/availability?resourceId=${doctor}&from=${local(monday, '00:00', tz)}&to=${local(plusDays(monday, 2), '00:00', tz)}`;
    // The schedule reaches booking through the resource service's read model: poll until it has.
    const week = await waitFor(
      async () => {
        const response = await api.call('GET', query); // a visitor: no token
        expect(response.statusCode, response.body).toBe(200);
        const availability = data<Availability>(response);
        expect(availability.free).toHaveLength(16);
        return availability;
      },
      { timeoutMs: 15_000, intervalMs: 300 },
    );
    expect(week.timezone).toBe(tz);
    expect(week.open).toEqual([
      { startTime: local(monday, '09:00', tz), endTime: local(monday, '17:00', tz) },
    ]);
    expect(week.free[0]!.startTime).toBe(local(monday, '09:00', tz));
    expect(week.free.at(-1)!.startTime).toBe(local(monday, '16:30', tz));

    const book = (time: string, until: string, date = monday) =>
      api.call(
        'POST',
        '/api/bookings',
        { resourceId: doctor, startTime: local(date, time, tz), endTime: local(date, until, tz) },
        customer.accessToken,
      );
    expect((await book('09:00', '09:30')).statusCode).toBe(201);
    const early = await book('08:30', '09:00');
    expect([early.statusCode, errorCode(early)]).toEqual([422, 'OUTSIDE_OPENING_HOURS']);
    const offGrid = await book('09:10', '09:40');
    expect([offGrid.statusCode, errorCode(offGrid)]).toEqual([422, 'BOOKING_RULE_VIOLATED']);
    expect(offGrid.json()).toMatchObject({ error: { details: { rule: 'slotGrid' } } });
    expect(errorCode(await book('09:30', '10:00'))).toBe('BOOKING_CONFLICT'); // the buffer
    expect(errorCode(await book('10:00', '10:30', holiday))).toBe('OUTSIDE_OPENING_HOURS');
    const after = data<Availability>(await api.call('GET', query));
    expect(after.free.map((slot) => slot.startTime)).not.toContain(local(monday, '09:30', tz));
    expect(after.free).toHaveLength(16 - 2);
  });

  it('a hotel with 3 Deluxe Rooms sells 3 for one night and no more; a booking moves to another day', async () => {
    const tz = 'Europe/Rome';
    const hotel = await business('hotel@example.com', {
      name: 'Hotel Roma',
      type: 'HOTEL',
      timezone: tz,
    });
    const category = data<{ id: string }>(
      await api.call(
        'POST',
        '/api/resources/categories',
        { name: 'Deluxe Room' },
        hotel.vendor.accessToken,
      ),
    );
    for (const name of ['Deluxe 101', 'Deluxe 102', 'Deluxe 103']) {
      await hotel.resource({
        name,
        type: 'HOTEL_ROOM',
        categoryId: category.id,
        price: '190.00',
        currency: 'EUR',
        priceUnit: 'PER_NIGHT',
        bookingRules: { autoConfirm: true },
      });
    }
    const night = plusDays(nextWeekday(5, 5), 0);
    const stay = {
      categoryId: category.id,
      startTime: local(night, '15:00', tz),
      endTime: local(plusDays(night, 1), '11:00', tz),
    };
    const guests = await Promise.all(
      ['guest1', 'guest2', 'guest3', 'guest4', 'guest5'].map((g) => api.signUp(`${g}@example.com`)),
    );
    const answers = await Promise.all(
      guests.map((guest) => api.call('POST', '/api/bookings', stay, guest.accessToken)),
    );
    const sold = answers.filter((a) => a.statusCode === 201).map((a) => data<Booking>(a));
    expect(sold).toHaveLength(3);
    expect(new Set(sold.map((b) => b.resourceId)).size).toBe(3);
    expect(sold.every((b) => b.status === 'CONFIRMED')).toBe(true);
    expect(answers.filter((a) => a.statusCode === 409).map(errorCode)).toEqual([
      'NO_RESOURCE_AVAILABLE',
      'NO_RESOURCE_AVAILABLE',
    ]);

    // One guest moves to the next night: a room is free again for the first.
    const moved = await api.call(
      'POST',
      `/api/bookings/${sold[0]!.id}/reschedule`,
      {
        startTime: local(plusDays(night, 1), '15:00', tz),
        endTime: local(plusDays(night, 2), '11:00', tz),
      },
      guests[answers.indexOf(answers.find((a) => a.statusCode === 201)!)]!.accessToken,
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(data<Booking>(moved)).toMatchObject({
      id: sold[0]!.id,
      startTime: local(plusDays(night, 1), '15:00', tz),
    });
    const late = answers.findIndex((a) => a.statusCode === 409);
    expect(
      (await api.call('POST', '/api/bookings', stay, guests[late]!.accessToken)).statusCode,
    ).toBe(201);

    // Both parties hear of the move.
    await platform.smtp.waitFor('hotel@example.com', { subject: /rescheduled/i });

    // A visitor browses it all without an account.
    const browse = async (url: string) => {
      const response = await api.call('GET', url);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      return response.json<{ data: unknown }>().data;
    };
    const listed = (await browse('/api/businesses?type=HOTEL')) as { id: string }[];
    expect(listed.map((b) => b.id)).toContain(hotel.id);
    await browse(`/api/businesses/${hotel.id}`);
    await browse(`/api/businesses/${hotel.id}/schedule`);
    const rooms = (await browse(`/api/resources?businessId=${hotel.id}`)) as { id: string }[];
    expect(rooms).toHaveLength(3);
    await browse(`/api/resources/${rooms[0]!.id}`);
    await browse(`/api/resources/${rooms[0]!.id}/schedule`);
    await browse(`/api/resources/categories?businessId=${hotel.id}`);
    const byType = (await browse(
      `/api/bookings/availability?categoryId=${category.id}&from=${local(night, '00:00', tz)}&to=${local(plusDays(night, 3), '00:00', tz)}&slotMinutes=60`,
    )) as Availability;
    expect(
      byType.free.find((slot) => slot.startTime === local(night, '12:00', tz))?.available,
    ).toBe(3);
    expect(
      byType.free.find((slot) => slot.startTime === local(night, '16:00', tz)),
    ).toBeUndefined();
    // Writes still need an account.
    expect((await api.call('POST', '/api/bookings', stay)).statusCode).toBe(401);
    expect(
      (await api.call('PUT', `/api/businesses/${hotel.id}/schedule`, { weekly: null })).statusCode,
    ).toBe(401);
  });
});
