import type { BookingRulesInput, Schedule, WeeklyHours } from '@slotwise/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantOf, wallClockOf } from '../src/rules/zoned-time.js';
import { startBooking, type BookingHarness } from './harness.js';

/**
 * The property availability exists for: every slot it calls free books with 201, and a slot on
 * the same grid that it leaves out is refused. Random weekly hours, overrides, rules and existing
 * bookings, in zones with and without DST, over weeks that contain a DST change.
 */
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'] as const;
/** Weeks around DST changes (Berlin and New York in spring and autumn 2027, Lord Howe's half hour). */
const WEEKS = ['2027-03-25', '2027-03-11', '2027-10-28', '2027-11-04', '2027-04-01'] as const;
const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A day's intervals: sorted, not overlapping, on a quarter-hour grid; maybe touching. */
const dayHours = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 6 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const intervals: [string, string][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      intervals.push([hhmm(sorted[i]! * 15), hhmm(sorted[i + 1]! * 15)]);
    }
    return intervals;
  });

const weekly: fc.Arbitrary<WeeklyHours | null> = fc.option(
  fc.record(
    Object.fromEntries(DAYS.map((d) => [d, dayHours])) as Record<
      (typeof DAYS)[number],
      typeof dayHours
    >,
    {
      requiredKeys: [],
    },
  ),
  { nil: null, freq: 4 },
);

const rules: fc.Arbitrary<BookingRulesInput> = fc.record({
  slotMinutes: fc.constantFrom(null, 15, 30, 60),
  bufferMinutes: fc.constantFrom(0, 5, 10, 30),
  minNoticeMinutes: fc.constantFrom(0, 60, 1440),
  maxAdvanceDays: fc.constantFrom(120, 200, 365),
  minDurationMinutes: fc.constantFrom(1, 15, 30),
  maxDurationMinutes: fc.constantFrom(60, 240, 43_200),
});

const scenario = fc.record({
  timezone: fc.constantFrom(...ZONES),
  week: fc.constantFrom(...WEEKS),
  weekly,
  closedDay: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  rules,
  slotMinutes: fc.constantFrom(15, 30, 60, 90),
  existing: fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: 6 }),
      quarter: fc.integer({ min: 0, max: 95 }),
      quarters: fc.integer({ min: 1, max: 12 }),
    }),
    { maxLength: 6 },
  ),
  pick: fc.nat(),
});

describe('availability: every free slot books, and nothing refused is free', () => {
  let h: BookingHarness;
  let token: string;
  beforeAll(async () => {
    h = await startBooking();
    token = await h.tokenFor('CUSTOMER');
  });
  afterAll(async () => {
    await h.close();
  });

  const create = (resourceId: string, start: number, end: number) =>
    h.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: {
        resourceId,
        startTime: new Date(start).toISOString(),
        endTime: new Date(end).toISOString(),
      },
      headers: { authorization: `Bearer ${token}` },
    });

  it('holds for random schedules, rules and bookings, across DST changes', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const from = Date.parse(`${s.week}T00:00:00Z`);
        const to = from + 7 * 86_400_000;
        const schedule: Schedule = {
          weekly: s.weekly,
          overrides:
            s.closedDay === null
              ? []
              : [
                  {
                    date: new Date(from + s.closedDay * 86_400_000).toISOString().slice(0, 10),
                    intervals: [],
                  },
                ],
        };
        const resource = h.addResource({
          bookingRules: s.rules,
          schedule,
          business: { timezone: s.timezone },
        });
        for (const b of s.existing) {
          const start = from + b.day * 86_400_000 + b.quarter * 15 * 60_000;
          await create(resource.id, start, start + b.quarters * 15 * 60_000); // many are refused: fine
        }
        const response = await h.app.inject({
          method: 'GET',
          url: `/api/bookings/availability?resourceId=${resource.id}&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}&slotMinutes=${s.slotMinutes}`,
        });
        expect(response.statusCode, response.body).toBe(200);
        const free = response
          .json<{ data: { free: { startTime: string; endTime: string }[] } }>()
          .data.free.map((slot) => Date.parse(slot.startTime));
        const slotMs = s.slotMinutes * 60_000;

        // A few slots of its grid (wall-clock steps from local midnight) that it left out: each
        // must be refused.
        const freeSet = new Set(free);
        const perDay = Math.ceil(1_440 / s.slotMinutes);
        const firstDay = wallClockOf(from, s.timezone).day;
        for (let k = 0; k < 3; k += 1) {
          const n = (s.pick + k * 97) % (8 * perDay);
          const start = instantOf(
            firstDay + Math.floor(n / perDay),
            (n % perDay) * s.slotMinutes,
            s.timezone,
          );
          if (freeSet.has(start) || start < from || start + slotMs > to) continue;
          const refused = await create(resource.id, start, start + slotMs);
          expect(
            refused.statusCode,
            `left out ${new Date(start).toISOString()}: ${refused.body}`,
          ).toBeGreaterThanOrEqual(400);
          expect(refused.statusCode).toBeLessThan(500);
        }
        // And one it called free must book.
        const chosen = free[s.pick % Math.max(free.length, 1)];
        const booked =
          chosen === undefined ? null : await create(resource.id, chosen, chosen + slotMs);
        expect(booked?.statusCode ?? 201, `free slot: ${booked?.body ?? ''}`).toBe(201);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
