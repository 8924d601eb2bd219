import { runCannon, summarise } from '../lib/cannon.js';
import type { BenchContext, Scenario } from '../lib/context.js';
import { withServiceDatabase } from '../lib/database.js';
// The bench runs under `node --import tsx` without the `source` export condition, so the
// testkit's TypeScript source is imported by path (as the launcher does the platform's).
import { vacuumUntilAllVisible } from '../../packages/testkit/src/vacuum.js';
import { call, expect } from '../lib/http.js';
import { customerTokens } from './booking-create.js';

const PATH = '/api/bookings/availability';
/** 1,000 resources × 1,000 bookings: the "a million bookings in the table". */
const HISTORY_RESOURCES = 1_000;
const HISTORY_PER_RESOURCE = 1_000;
/** Marks the rows this scenario put in, so a second run in the same data directory reuses them. */
const HISTORY_MARK = 'Bench history';
const HOUR_MS = 3_600_000;
const WINDOW_HOURS = 7 * 24;

interface History {
  resourceIds: string[];
  /** Bookings of each resource start at even hours from here, one hour long. */
  start: Date;
  total: number;
}

/**
 * The million bookings, written straight into booking_db (through the API that would take the
 * whole run): one-hour bookings every two hours, a fifth of them cancelled, over 1,000 resources
 * the availability route does not need to exist. Then VACUUM ANALYZE, as autovacuum would.
 */
async function bookingHistory(context: BenchContext): Promise<History> {
  const started = Date.now();
  const history = await withServiceDatabase(context.options, 'booking', async (client) => {
    const existing = await client.query<{ resource_id: string; first: Date }>(
      `SELECT resource_id, min(start_time) AS first FROM bookings WHERE business_name = $1
        GROUP BY resource_id ORDER BY resource_id`,
      [HISTORY_MARK],
    );
    if (existing.rows.length === HISTORY_RESOURCES) {
      return {
        resourceIds: existing.rows.map((row) => row.resource_id),
        start: existing.rows[0]!.first,
        reused: true,
      };
    }
    const start = new Date(Date.now() + 24 * HOUR_MS);
    start.setUTCMinutes(0, 0, 0);
    const inserted = await client.query<{ resource_id: string }>(
      `INSERT INTO bookings (id, user_id, vendor_id, business_id, resource_id, business_name,
         resource_name, resource_type, price_at_booking, price_unit, currency, total_price,
         timezone, start_time, end_time, status)
       SELECT gen_random_uuid(), gen_random_uuid(), r.vendor, r.business, r.id, $4, 'Room',
              'HOTEL_ROOM', 10, 'PER_BOOKING', 'USD', 10, 'UTC',
              $1::timestamptz + make_interval(hours => 2 * n),
              $1::timestamptz + make_interval(hours => 2 * n + 1),
              (CASE WHEN n % 5 = 0 THEN 'CANCELLED' ELSE 'CONFIRMED' END)::"BookingStatus"
         FROM (SELECT gen_random_uuid() AS id, gen_random_uuid() AS vendor,
                      gen_random_uuid() AS business
                 FROM generate_series(1, $2::int)) AS r,
              generate_series(0, $3::int - 1) AS n
       RETURNING resource_id`,
      [start, HISTORY_RESOURCES, HISTORY_PER_RESOURCE, HISTORY_MARK],
    );
    await client.query('SET statement_timeout = 0');
    if (!(await vacuumUntilAllVisible(client, 'bookings')))
      context.log('bookings not all-visible after VACUUM: availability may read the table');
    return {
      resourceIds: [...new Set(inserted.rows.map((row) => row.resource_id))],
      start,
      reused: false,
    };
  });
  const total = await withServiceDatabase(context.options, 'booking', async (client) => {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM bookings');
    return Number(rows[0]?.n ?? 0);
  });
  context.log(
    `${history.reused ? 'reused' : 'wrote'} ${HISTORY_RESOURCES * HISTORY_PER_RESOURCE} bookings over ${HISTORY_RESOURCES} resources; ${total} in the table (${((Date.now() - started) / 1000).toFixed(1)} s, not measured)`,
  );
  return { resourceIds: history.resourceIds, start: history.start, total };
}

/**
 * GET /api/bookings/availability as a customer: a week of one resource with its free one-hour
 * slots, resource and week changing with every request, over a table of a million bookings.
 * One indexed range read per request; the answer holds ~84 busy ranges and ~84 free slots.
 */
export const availability: Scenario = {
  name: 'availability',
  what: `GET ${PATH}, a week of free 60-minute slots of one of ${HISTORY_RESOURCES} resources, over a million bookings`,
  async run(context) {
    const { gatewayUrl, options, measure } = context;
    const history = await bookingHistory(context);
    const [token] = await customerTokens(context);
    if (!token) throw new Error('no customer');
    const spanHours = 2 * HISTORY_PER_RESOURCE - WINDOW_HOURS;
    let next = 0;
    const pathOf = (i: number): string => {
      const resourceId = history.resourceIds[i % history.resourceIds.length]!;
      const from = new Date(history.start.getTime() + ((i * 37) % spanHours) * HOUR_MS);
      const to = new Date(from.getTime() + WINDOW_HOURS * HOUR_MS);
      const query = new URLSearchParams({
        resourceId,
        from: from.toISOString(),
        to: to.toISOString(),
        slotMinutes: '60',
      });
      return `${PATH}?${query.toString()}`;
    };

    // What one answer holds (not measured).
    const answer = expect(`GET ${PATH}`, await call(`${gatewayUrl}${pathOf(0)}`, { token }), 200);
    const { data } = answer.json as { data?: { busy?: unknown[]; free?: unknown[] } };

    const request = {
      method: 'GET' as const,
      setupRequest: (req: { path?: string }) => ({ ...req, path: pathOf(next++) }),
    };
    const headers = { authorization: `Bearer ${token}` };
    await runCannon('warm-up', {
      url: gatewayUrl,
      headers,
      connections: 10,
      amount: 500,
      requests: [request],
    });
    const run = await runCannon(
      this.name,
      {
        url: gatewayUrl,
        headers,
        connections: options.listConnections,
        duration: options.duration,
        requests: [request],
      },
      measure,
    );
    return summarise(this.name, run, [
      `${data?.busy?.length ?? '?'} busy ranges and ${data?.free?.length ?? '?'} free slots an answer; ${history.total} bookings in the table`,
    ]);
  },
};
