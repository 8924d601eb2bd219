import type autocannon from 'autocannon';
import { runCannon, summarise, type FailedResponse } from '../lib/cannon.js';
import type { Scenario } from '../lib/context.js';
import { fixtures, type Slot } from '../lib/fixtures.js';
import { call, expect, errorCode } from '../lib/http.js';
import { bookingRequest, BOOKINGS_PATH, customerTokens } from './booking-create.js';

/** Answers of one contention round, by kind. */
interface Tally {
  created: number;
  conflicts: number;
  other: number;
  /** The other answers by status code. */
  otherByStatus: Record<number, number>;
  /** The first answer that is neither a 201 nor a 409 BOOKING_CONFLICT. */
  firstOther: FailedResponse | null;
}

/** `count` requests for one and the same slot, one per connection, all sent at once. */
function contention(
  url: string,
  slot: Slot,
  tokens: readonly string[],
  count: number,
): { options: autocannon.Options; tally: Tally } {
  const tally: Tally = { created: 0, conflicts: 0, other: 0, otherByStatus: {}, firstOther: null };
  let next = 0;
  const body = JSON.stringify(slot);
  const request: autocannon.Request = {
    method: 'POST',
    path: BOOKINGS_PATH,
    setupRequest: (req) => ({
      ...req,
      headers: {
        ...req.headers,
        'content-type': 'application/json',
        authorization: `Bearer ${tokens[next++ % tokens.length] ?? ''}`,
      },
      body,
    }),
    onResponse: (status, answer) => {
      if (status === 201) tally.created++;
      else if (status === 409 && errorCode(answer) === 'BOOKING_CONFLICT') tally.conflicts++;
      else {
        tally.other++;
        tally.otherByStatus[status] = (tally.otherByStatus[status] ?? 0) + 1;
        tally.firstOther ??= { status, body: answer.slice(0, 2_000) };
      }
    },
  };
  // amount = connections: autocannon gives each connection exactly one request.
  return { options: { url, connections: count, amount: count, requests: [request] }, tally };
}

/**
 * Contention: many customers want the same hour of the same desk at the same moment. The
 * exclusion constraint must let exactly one insert through; every other request is a 409
 * BOOKING_CONFLICT (never a 5xx, never a second booking). Each round takes a new hour.
 */
export const bookingHotSlot: Scenario = {
  name: 'booking-hot-slot',
  what: `POST ${BOOKINGS_PATH} × N at once for one slot: exactly one 201, N-1 × 409`,
  async run(context) {
    const { options, gatewayUrl, measure } = context;
    const { slots, hot } = await fixtures(context).desks();
    const tokens = await customerTokens(context);
    const url = `${gatewayUrl}${BOOKINGS_PATH}`;
    const n = options.hotSlotRequests;

    // Warm-up (not measured): creates on distinct slots, then a small contention round, so that
    // the conflict path (exception → 409) is compiled too.
    const warm = bookingRequest(slots, tokens);
    await runCannon('warm-up', { url, connections: 16, amount: 500, requests: [warm.request] });
    const warmRound = contention(url, hot.next(), tokens, 50);
    await runCannon('warm-up', warmRound.options);

    // The same number of requests at once, each for a slot of its own: the yardstick for the
    // hot slot's settle time (issue: within 1.5× of this, measured in the same run).
    const distinct = bookingRequest(slots, tokens);
    const spread = await runCannon('distinct slots', {
      url,
      connections: n,
      amount: n,
      requests: [distinct.request],
    });

    const slot = hot.next();
    const round = contention(url, slot, tokens, n);
    const run = await runCannon(this.name, round.options, measure);
    const { created, conflicts, other, otherByStatus, firstOther } = round.tally;
    const others = Object.entries(otherByStatus).map(([status, count]) => `${count} × ${status}`);

    // What the database holds now: the slot must be busy exactly once.
    const [customer] = (await fixtures(context).people()).customers;
    const query = new URLSearchParams({
      resourceId: slot.resourceId,
      from: slot.startTime,
      to: slot.endTime,
    });
    const availability = await call(
      `${gatewayUrl}${BOOKINGS_PATH}/availability?${query.toString()}`,
      {
        token: await customer?.token(),
      },
    );
    const busy = (
      expect('GET /api/bookings/availability', availability, 200).json as {
        data?: { busy?: unknown[] };
      }
    ).data?.busy?.length;

    const summary = summarise(this.name, { ...run, sample: firstOther ?? run.sample }, [
      `${created} × 201, ${conflicts} × 409 BOOKING_CONFLICT, ${other} other${others.length ? ` (${others.join(', ')})` : ''}; ${n} requests on ${n} connections for ${slot.startTime} on one desk`,
      `all answered ${Math.round(run.seconds * 1000)} ms after the first was sent (connections opened meanwhile); availability shows the slot busy ${busy ?? '?'} time(s)`,
      `the same ${n} requests on ${n} distinct slots, just before: ${Math.round(spread.seconds * 1000)} ms; hot slot / distinct = ${(run.seconds / spread.seconds).toFixed(2)}`,
    ]);
    summary.expectedNon2xx = conflicts;
    const problems = [
      ...(created !== 1 ? [`${created} bookings created, not exactly 1`] : []),
      ...(created + conflicts + other !== n
        ? [`${created + conflicts + other} answers, not ${n}`]
        : []),
      ...(busy !== 1 ? [`availability shows the slot busy ${busy ?? '?'} times, not once`] : []),
    ];
    if (problems.length > 0) summary.checkFailed = problems.join('; ');
    return summary;
  },
};
