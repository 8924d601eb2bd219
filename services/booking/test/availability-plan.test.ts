import { vacuumUntilAllVisible } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingRepository } from '../src/bookings/booking.repository.js';
import { startBooking, type BookingHarness } from './harness.js';

const RESOURCES = 1_000;
const PER_RESOURCE = 1_000;
const DAY_MS = 86_400_000;
const MAX_DURATION_MS = 30 * DAY_MS;

/**
 * Availability with a million bookings in the table: 1,000 resources × 1,000 one-hour bookings,
 * one every two hours, a fifth of them cancelled. What must not grow with the table is the work
 * per request, so the test reads the executed plan: an index-only scan of the
 * (resource_id, start_time, end_time) index, a handful of pages. (How fast it answers is
 * `npm run bench`'s to say, not a timed test's.)
 */
describe('availability at a million bookings', () => {
  let h: BookingHarness;
  let repository: BookingRepository;
  let resourceId: string;
  const base = new Date(Date.now() + 2 * DAY_MS);
  base.setUTCHours(0, 0, 0, 0);

  beforeAll(async () => {
    h = await startBooking();
    const pool = h.container.pool;
    repository = new BookingRepository(h.container.prisma, pool);
    const seeding = await pool.connect();
    // The service's statement timeout is for requests, not for loading a million rows.
    await seeding.query('BEGIN');
    await seeding.query('SET LOCAL statement_timeout = 0');
    await seeding.query(
      `INSERT INTO bookings (id, user_id, vendor_id, business_id, resource_id, business_name,
         resource_name, resource_type, price_at_booking, price_unit, currency, total_price,
         timezone, start_time, end_time, status)
       SELECT gen_random_uuid(), gen_random_uuid(), r.vendor, r.business, r.id, 'Business',
              'Room', 'HOTEL_ROOM', 10, 'PER_BOOKING', 'USD', 10, 'UTC',
              $1::timestamptz + make_interval(hours => 2 * n),
              $1::timestamptz + make_interval(hours => 2 * n + 1),
              (CASE WHEN n % 5 = 0 THEN 'CANCELLED' ELSE 'CONFIRMED' END)::"BookingStatus"
         FROM (SELECT gen_random_uuid() AS id, gen_random_uuid() AS vendor,
                      gen_random_uuid() AS business
                 FROM generate_series(1, $2::int)) AS r,
              generate_series(0, $3::int - 1) AS n`,
      [base, RESOURCES, PER_RESOURCE],
    );
    await seeding.query('COMMIT');
    await seeding.query('SET statement_timeout = 0');
    if (!(await vacuumUntilAllVisible(seeding, 'bookings'))) {
      throw new Error('VACUUM did not mark the bookings all-visible');
    }
    await seeding.query('RESET statement_timeout');
    seeding.release();
    resourceId = (
      await pool.query<{ id: string }>('SELECT resource_id AS id FROM bookings LIMIT 1')
    ).rows[0]!.id;
  }, 180_000);
  afterAll(async () => {
    await h.close();
  });

  const at = (hours: number) => new Date(base.getTime() + hours * 3_600_000);

  it('holds the million rows it is about', async () => {
    const { rows } = await h.container.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM bookings',
    );
    expect(Number(rows[0]!.n)).toBe(RESOURCES * PER_RESOURCE);
  });

  it('reads a week of one resource from its index, touching a few pages', async () => {
    const plan = await repository.explainBusy(
      resourceId,
      at(100),
      at(100 + 7 * 24),
      MAX_DURATION_MS,
    );
    // Index-only: the status the filter needs is carried in the index (INCLUDE), so the table
    // is not read at all, and the rows come in start order (no sort).
    expect(plan).toContain('Index Only Scan using bookings_resource_id_start_time_end_time_idx');
    expect(plan).toContain('Heap Fetches: 0');
    expect(plan).not.toMatch(/Seq Scan|Sort|Bitmap/);
    // The index entries of the window and the 30 days before it: a few dozen pages at most (20
    // when written), where reading the rows too took ~100 and the table has tens of thousands.
    const buffers = /Buffers: shared (?:hit=(\d+))? ?(?:read=(\d+))?/.exec(plan);
    expect(buffers, plan).not.toBeNull();
    expect(Number(buffers![1] ?? 0) + Number(buffers![2] ?? 0), plan).toBeLessThan(50);
  });

  it('answers the window exactly: busy ranges without the cancelled ones, half-open edges', async () => {
    // Bookings start at even hours: [100, 101), [102, 103) … A window from 101 to 111 holds the
    // ones starting at 102 … 110; 100 is cancelled (n = 50, a multiple of 5), 110 too (n = 55).
    const token = await h.tokenFor('CUSTOMER');
    // The resource service knows the resource (always open, no rules).
    h.addResource({ id: resourceId });
    const query = new URLSearchParams({
      resourceId,
      from: at(101).toISOString(),
      to: at(111).toISOString(),
    });
    const response = await h.app.inject({
      method: 'GET',
      url: `/api/bookings/availability?${query.toString()}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(200);
    const { busy } = response.json<{ data: { busy: { startTime: string }[] } }>().data;
    expect(busy.map((b) => b.startTime)).toEqual(
      [102, 104, 106, 108].map((hour) => at(hour).toISOString()),
    );
  });
});
