import type autocannon from 'autocannon';
import { runCannon, summarise } from '../lib/cannon.js';
import type { BenchContext, Scenario } from '../lib/context.js';
import { fixtures, type SlotSequence } from '../lib/fixtures.js';
import { errorCode } from '../lib/http.js';

export const BOOKINGS_PATH = '/api/bookings';

/** The target: 2,000 creations/s through the gateway at 64 connections, p99 ≤ 100 ms. */
export const TARGET = { rps: 2_000, p99Ms: 100, connections: 64 };

/**
 * POST /api/bookings, each request for a slot no request took before (the slot sequence), the
 * customers' tokens taken in turn. `conflicts` counts 409s: there must be none (a bench bug).
 */
export function bookingRequest(
  slots: SlotSequence,
  tokens: readonly string[],
): { request: autocannon.Request; conflicts: () => number } {
  let next = 0;
  let conflicts = 0;
  return {
    request: {
      method: 'POST',
      path: BOOKINGS_PATH,
      setupRequest: (request) => ({
        ...request,
        headers: {
          ...request.headers,
          'content-type': 'application/json',
          authorization: `Bearer ${tokens[next++ % tokens.length] ?? ''}`,
        },
        body: JSON.stringify(slots.next()),
      }),
      onResponse: (status, body) => {
        if (status === 409 && errorCode(body) === 'BOOKING_CONFLICT') conflicts++;
      },
    },
    conflicts: () => conflicts,
  };
}

/** Every customer's access token, fresh for the next few minutes. */
export async function customerTokens(context: BenchContext): Promise<string[]> {
  const { customers } = await fixtures(context).people();
  return Promise.all(customers.map((customer) => customer.token()));
}

/**
 * The hot path: JWT check in the gateway and in booking, the resource lookup (cached for
 * RESOURCE_CACHE_TTL_MS), and one SQL statement that inserts the booking, its history row and
 * its outbox event under the exclusion constraint. Each booking.created event then travels on
 * (relay → pg-boss → notification → a mail to the vendor) on the same two cores.
 */
export const bookingCreate: Scenario = {
  name: 'booking-create',
  what: `POST ${BOOKINGS_PATH}, a distinct one-hour slot per request, customers in turn`,
  async run(context) {
    const { options, gatewayUrl, measure } = context;
    const { slots } = await fixtures(context).desks();
    const tokens = await customerTokens(context);
    const url = `${gatewayUrl}${BOOKINGS_PATH}`;

    // Warm-up (not measured): JIT, the pools, the resource cache. Its own slots, never reused.
    const warm = bookingRequest(slots, tokens);
    await runCannon('warm-up', { url, connections: 16, amount: 2_000, requests: [warm.request] });

    const usedBefore = slots.used;
    const load = bookingRequest(slots, tokens);
    const run = await runCannon(
      this.name,
      {
        url,
        connections: options.bookingConnections,
        duration: options.duration,
        requests: [load.request],
      },
      measure,
    );
    const summary = summarise(this.name, run, [
      `${slots.used - usedBefore} distinct slots over ${options.bookingResources} desks (${slots.used} of ${slots.capacity} taken this run), ${tokens.length} customers in turn`,
    ]);
    if (load.conflicts() + warm.conflicts() > 0)
      summary.checkFailed = `${load.conflicts() + warm.conflicts()} × 409 BOOKING_CONFLICT: two requests got the same slot (a bench bug)`;
    const met = summary.rps >= TARGET.rps && summary.latencyMs.p99 <= TARGET.p99Ms;
    summary.notes.push(
      `target ≥ ${TARGET.rps} req/s at p99 ≤ ${TARGET.p99Ms} ms: ${met ? 'met' : 'MISSED'} (${Math.round((summary.rps / TARGET.rps) * 100)} % of the rate, p99 ${summary.latencyMs.p99} ms)`,
    );
    return summary;
  },
};
