import { runCannon, summarise } from '../lib/cannon.js';
import type { BenchContext, Scenario } from '../lib/context.js';
import { withServiceDatabase } from '../lib/database.js';
import { fixtures } from '../lib/fixtures.js';
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
/** Requests a second of the steady-rate runs: a few times below what two cores serve. */
const STEADY_RATE = 100;
/** The floor: a public route whose upstream answers from memory (gateway-proxy's). */
const FLOOR_PATH = '/api/auth/.well-known/jwks.json';

interface History {
  resourceIds: string[];
  /** Bookings of each resource start at even hours from here, one hour long. */
  start: Date;
  total: number;
}

/** How the history's resources sell time: the rules and hours availability must apply. */
const HISTORY_RULES = { slotMinutes: 30, minNoticeMinutes: 60, bufferMinutes: 0 };
const HISTORY_HOURS = [['06:00', '22:00']];
const HISTORY_SCHEDULE = {
  weekly: Object.fromEntries(
    ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'].map((d) => [d, HISTORY_HOURS]),
  ),
  overrides: [],
};

/**
 * The 1,000 resources the history belongs to: copies of a bench desk, written straight into
 * resource_db (real resources of a real business, so availability gets their snapshot, rules and
 * opening hours from the resource service as for any other), each open 06:00–22:00 on a
 * 30-minute grid with an hour's notice.
 */
async function historyResources(
  context: BenchContext,
): Promise<{ ids: string[]; businessId: string; ownerId: string }> {
  const { slots } = await fixtures(context).desks();
  const template = slots.resourceIds[0];
  if (!template) throw new Error('no bench desk to copy');
  return withServiceDatabase(context.options, 'resource', async (client) => {
    const owner = await client.query<{ business_id: string; owner_id: string }>(
      `SELECT r.business_id, b.owner_id FROM resources r JOIN businesses b ON b.id = r.business_id
        WHERE r.id = $1`,
      [template],
    );
    const { business_id: businessId, owner_id: ownerId } = owner.rows[0]!;
    const existing = await client.query<{ id: string }>(
      `SELECT id FROM resources WHERE business_id = $1 AND name LIKE $2 ORDER BY id`,
      [businessId, `${HISTORY_MARK} %`],
    );
    if (existing.rows.length === HISTORY_RESOURCES) {
      return { ids: existing.rows.map((row) => row.id), businessId, ownerId };
    }
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO resources
       SELECT (jsonb_populate_record(NULL::resources, to_jsonb(r) || jsonb_build_object(
                 'id', gen_random_uuid(), 'name', $2 || ' ' || n, 'version', 1,
                 'booking_rules', $3::jsonb, 'schedule', $4::jsonb))).*
         FROM resources r, generate_series(1, $5::int) AS n
        WHERE r.id = $1
       RETURNING id`,
      [
        template,
        HISTORY_MARK,
        JSON.stringify(HISTORY_RULES),
        JSON.stringify(HISTORY_SCHEDULE),
        HISTORY_RESOURCES,
      ],
    );
    await client.query('ANALYZE resources');
    return { ids: inserted.rows.map((row) => row.id).sort(), businessId, ownerId };
  });
}

/**
 * The million bookings, written straight into booking_db (through the API that would take the
 * whole run): one-hour bookings every two hours, a fifth of them cancelled, over the history's
 * 1,000 resources. Then VACUUM ANALYZE, as autovacuum would.
 */
async function bookingHistory(context: BenchContext): Promise<History> {
  const started = Date.now();
  const resources = await historyResources(context);
  const history = await withServiceDatabase(context.options, 'booking', async (client) => {
    const existing = await client.query<{ resource_id: string; first: Date }>(
      `SELECT resource_id, min(start_time) AS first FROM bookings
        WHERE business_name = $1 AND resource_id = ANY($2::uuid[])
        GROUP BY resource_id ORDER BY resource_id`,
      [HISTORY_MARK, resources.ids],
    );
    if (existing.rows.length === HISTORY_RESOURCES) {
      return {
        resourceIds: existing.rows.map((row) => row.resource_id),
        start: existing.rows[0]!.first,
        reused: true,
      };
    }
    await client.query('SET statement_timeout = 0');
    // A history of resources that no longer exist (an older bench): replaced.
    await client.query('DELETE FROM bookings WHERE business_name = $1', [HISTORY_MARK]);
    const start = new Date(Date.now() + 24 * HOUR_MS);
    start.setUTCMinutes(0, 0, 0);
    await client.query(
      `INSERT INTO bookings (id, user_id, vendor_id, business_id, resource_id, business_name,
         resource_name, resource_type, price_at_booking, price_unit, currency, total_price,
         timezone, start_time, end_time, status)
       SELECT gen_random_uuid(), gen_random_uuid(), $5::uuid, $6::uuid, r.id, $4, 'Desk',
              'DESK', 10, 'PER_BOOKING', 'USD', 10, 'UTC',
              $1::timestamptz + make_interval(hours => 2 * n),
              $1::timestamptz + make_interval(hours => 2 * n + 1),
              (CASE WHEN n % 5 = 0 THEN 'CANCELLED' ELSE 'CONFIRMED' END)::"BookingStatus"
         FROM unnest($2::uuid[]) AS r(id),
              generate_series(0, $3::int - 1) AS n`,
      [
        start,
        resources.ids,
        HISTORY_PER_RESOURCE,
        HISTORY_MARK,
        resources.ownerId,
        resources.businessId,
      ],
    );
    if (!(await vacuumUntilAllVisible(client, 'bookings')))
      context.log('bookings not all-visible after VACUUM: availability may read the table');
    return { resourceIds: resources.ids, start, reused: false };
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
 * slots under its rules and opening hours, resource and week changing with every request, over a
 * table of a million bookings. One snapshot (cached 3 s) and one indexed range read per request.
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
    // Warm-up: every resource asked once, as a live platform's would have been lately (their
    // snapshots are then cached until a change's event drops them or AVAILABILITY_CACHE_TTL_MS
    // passes; the runs below outlast that TTL, so refetches are measured too).
    await runCannon('warm-up', {
      url: gatewayUrl,
      headers,
      connections: 10,
      amount: HISTORY_RESOURCES,
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
    // The same requests from 4 connections: what one request costs when it does not queue
    // behind 49 others on two cores (the goal: p99 ≤ 20 ms).
    const light = await runCannon('availability, 4 connections', {
      url: gatewayUrl,
      headers,
      connections: 4,
      duration: options.duration,
      requests: [request],
    });
    const latency = light.result.latency;
    // Closed-loop connections keep two cores saturated whatever their number, so a request's own
    // latency shows at a steady rate well below capacity: availability, then the floor (a cheap
    // public route through the gateway, JWKS from auth's memory) at the same rate, same machine.
    const steady = { connections: 4, overallRate: STEADY_RATE, duration: options.duration };
    const paced = await runCannon(`availability at ${STEADY_RATE} req/s`, {
      url: gatewayUrl,
      headers,
      requests: [request],
      ...steady,
    });
    const floor = await runCannon(`floor at ${STEADY_RATE} req/s`, {
      url: `${gatewayUrl}${FLOOR_PATH}`,
      ...steady,
    });
    const pacedLatency = paced.result.latency;
    const floorLatency = floor.result.latency;
    const summary = summarise(this.name, run, [
      `${data?.busy?.length ?? '?'} busy ranges and ${data?.free?.length ?? '?'} free slots an answer (open 06:00–22:00, 30-minute grid); ${history.total} bookings in the table`,
      `from 4 connections: ${(light.result.requests.total / light.seconds).toFixed(0)} req/s, p50 ${latency.p50} ms, p99 ${latency.p99} ms`,
      `at a steady ${STEADY_RATE} req/s: p50 ${pacedLatency.p50} ms, p99 ${pacedLatency.p99} ms (goal ≤ 20 ms); the floor (GET ${FLOOR_PATH}) at the same rate: p50 ${floorLatency.p50} ms, p99 ${floorLatency.p99} ms; p99 ${(pacedLatency.p99 / Math.max(floorLatency.p99, 1)).toFixed(1)}× the floor's`,
    ]);
    if (paced.result.non2xx || floor.result.non2xx)
      summary.checkFailed = 'a non-2xx answer in the steady-rate runs';
    if (!data?.free?.length) summary.checkFailed = 'an answer with no free slot measures nothing';
    return summary;
  },
};
