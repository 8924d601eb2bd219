import { randomBytes } from 'node:crypto';
import { waitFor } from '@slotwise/testkit';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, data, errorCode, type Session } from './client.js';
import { startPlatform, type Platform } from './platform.js';

/**
 * What running several instances promises, shown on three booking instances behind two gateways
 * (real HTTP on real ports between them, one database, one event bus): the database alone decides
 * a race, a rolling restart under load fails no request, scheduled jobs run once per tick and
 * events are acted on once, and a rate limit in Redis holds across gateways.
 */

interface Booking {
  id: string;
  resourceId: string;
  status: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** This run's own names: the Redis counters outlive a run. */
const RUN = randomBytes(3).toString('hex');
const email = (name: string) => `${name}-${RUN}@example.com`;
/** The first whole hour at least `days` days from now. */
const hoursFrom = (days: number) => Math.ceil((Date.now() + days * DAY) / HOUR) * HOUR;
const range = (start: number, hours = 1) => ({
  startTime: new Date(start).toISOString(),
  endTime: new Date(start + hours * HOUR).toISOString(),
});

/** The count of a metric's series whose labels include all of `labels`, from `/metrics`. */
async function metricSum(
  instance: { url: string },
  name: string,
  labels: (text: string) => boolean,
): Promise<number> {
  const response = await fetch(`${instance.url}/metrics`);
  expect(response.status).toBe(200);
  let total = 0;
  for (const line of (await response.text()).split('\n')) {
    const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (match?.[1] === name && labels(match[2]!)) total += Number(match[3]);
  }
  return total;
}

/** Requests to the booking routes an instance answered (not the gateway's readiness probes). */
const bookingRequests = (instance: { url: string }, method = '') =>
  metricSum(
    instance,
    'http_request_duration_seconds_count',
    (labels) => labels.includes('route="/api/bookings') && labels.includes(`method="${method}`),
  );

describe('three booking instances behind two gateways', () => {
  let platform: Platform;
  let apis: ApiClient[];
  let admin: Session;
  let vendor: Session;
  let court: string;
  let roomType: string;

  /** The gateways in turn, as a balancer in front of them would spread clients. */
  const via = (index: number) => apis[index % apis.length]!;
  const bookingPool = () => platform.services.booking!.container.pool;

  beforeAll(async () => {
    platform = await startPlatform({
      bookingReplicas: 3,
      gatewayReplicas: 2,
      serviceEnv: {
        booking: { EXPIRY_INTERVAL_SEC: '1', REMINDER_INTERVAL_SEC: '1' },
        gateway: {
          // Every service and gateway shares this one process (and two busy cores): 300 creates
          // at once can take longer than the production bound on a hung upstream.
          UPSTREAM_TIMEOUT_MS: '60000',
          UPSTREAM_HEALTH_INTERVAL_MS: '100',
          RATE_LIMIT_AUTH_MAX: '6',
          ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
        },
      },
    });
    apis = platform.gateways.map((gateway) => new ApiClient({ ...platform, gateway }));
    admin = await via(0).admin();
    vendor = await via(0).signUp(email('club'), 'VENDOR');
    const business = data<{ id: string }>(
      await via(0).call(
        'POST',
        '/api/businesses',
        { name: 'Scale Club', type: 'OTHER', timezone: 'UTC' },
        vendor.accessToken,
      ),
    );
    await via(0).call(
      'PATCH',
      `/api/businesses/${business.id}/verify`,
      undefined,
      admin.accessToken,
    );
    const resource = (body: object) =>
      waitFor(
        async () => {
          const response = await via(0).call('POST', '/api/resources', body, vendor.accessToken);
          // The resource service caches the business's status for a few seconds.
          if (response.statusCode !== 201) throw new Error(`not yet: ${response.body}`);
          return data<{ id: string }>(response).id;
        },
        { timeoutMs: 15_000, intervalMs: 300 },
      );
    court = await resource({ name: 'Court', type: 'OTHER', price: '20.00', currency: 'EUR' });
    roomType = data<{ id: string }>(
      await via(0).call(
        'POST',
        '/api/resources/categories',
        { name: 'Double' },
        vendor.accessToken,
      ),
    ).id;
    for (let room = 1; room <= 5; room += 1) {
      await resource({
        name: `Double ${room}`,
        type: 'HOTEL_ROOM',
        categoryId: roomType,
        price: '90.00',
        currency: 'EUR',
        bookingRules: { autoConfirm: true },
      });
    }
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('300 concurrent creates of one slot, spread over all three: exactly one booking', async () => {
    const customers = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => via(n).signUp(email(`racer${n}`))),
    );
    const instances = platform.instances.booking!;
    const before = await Promise.all(instances.map((i) => bookingRequests(i, 'POST')));
    const slot = { resourceId: court, ...range(hoursFrom(3)) };
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, n) =>
        via(n).call('POST', '/api/bookings', slot, customers[n % 5]!.accessToken),
      ),
    );

    const created = answers.filter((a) => a.statusCode === 201);
    expect(created).toHaveLength(1);
    const refused = answers.filter((a) => a.statusCode !== 201);
    expect(new Set(refused.map((a) => `${a.statusCode} ${errorCode(a)}`))).toEqual(
      new Set(['409 BOOKING_CONFLICT']),
    );
    const { rows } = await bookingPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM bookings WHERE resource_id = $1 AND start_time = $2`,
      [court, slot.startTime],
    );
    expect(rows[0]!.n).toBe(1);
    // Each instance took part, and the 300 were sent once each: no create went to two.
    const served = (await Promise.all(instances.map((i) => bookingRequests(i, 'POST')))).map(
      (after, index) => after - before[index]!,
    );
    expect(
      served.every((count) => count > 0),
      `served per instance: ${served.join(', ')}`,
    ).toBe(true);
    expect(served.reduce((a, b) => a + b)).toBe(300);
  });

  it('pooled booking over a room type of 5, from all three: exactly 5', async () => {
    const guests = await Promise.all([1, 2, 3, 4].map((n) => via(n).signUp(email(`guest${n}`))));
    const night = { categoryId: roomType, ...range(hoursFrom(5), 18) };
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, n) =>
        via(n).call('POST', '/api/bookings', night, guests[n % 4]!.accessToken),
      ),
    );
    const sold = answers.filter((a) => a.statusCode === 201).map((a) => data<Booking>(a));
    expect(sold).toHaveLength(5);
    expect(new Set(sold.map((b) => b.resourceId)).size).toBe(5);
    expect(sold.every((b) => b.status === 'CONFIRMED')).toBe(true);
    const refused = answers.filter((a) => a.statusCode !== 201);
    expect(new Set(refused.map((a) => `${a.statusCode} ${errorCode(a)}`))).toEqual(
      new Set(['409 NO_RESOURCE_AVAILABLE']),
    );
    const { rows } = await bookingPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM bookings
        WHERE category_id = $1 AND start_time = $2 AND status IN ('PENDING', 'CONFIRMED')`,
      [roomType, night.startTime],
    );
    expect(rows[0]!.n).toBe(5);
  });

  it('jobs run once per tick over the three, and each event is acted on once', async () => {
    const address = email('jobs');
    const customer = await via(0).signUp(address);
    const instances = platform.instances.booking!;
    const expiryRuns = async () =>
      (
        await Promise.all(
          instances.map((i) =>
            metricSum(i, 'scheduled_job_runs_total', (l) => l.includes('job="booking-expiry"')),
          ),
        )
      ).reduce((a, b) => a + b);
    const since = Date.now();
    const runsBefore = await expiryRuns();

    // Four requests left unanswered past their window: the expiry job cancels each once.
    const pending: string[] = [];
    for (let day = 40; day < 44; day += 1) {
      const created = await via(day).call(
        'POST',
        '/api/bookings',
        { resourceId: court, ...range(hoursFrom(day)) },
        customer.accessToken,
      );
      expect(created.statusCode, created.body).toBe(201);
      pending.push(data<Booking>(created).id);
    }
    await bookingPool().query(
      `UPDATE bookings SET expires_at = now() - interval '1 second' WHERE id = ANY($1::uuid[])`,
      [pending],
    );
    // Two confirmed stays starting within a day: the reminder job announces each once.
    const soon: string[] = [];
    for (const hours of [3, 5]) {
      const stay = { categoryId: roomType, ...range(hoursFrom(hours / 24), 1) };
      const created = await via(hours).call('POST', '/api/bookings', stay, customer.accessToken);
      expect(created.statusCode, created.body).toBe(201);
      soon.push(data<Booking>(created).id);
    }

    await waitFor(
      async () => {
        const { rows } = await bookingPool().query<{ cancelled: number; reminded: number }>(
          `SELECT count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled,
                  count(*) FILTER (WHERE reminder_sent_at IS NOT NULL)::int AS reminded
             FROM bookings WHERE id = ANY($1::uuid[])`,
          [[...pending, ...soon]],
        );
        expect(rows[0]).toEqual({ cancelled: 4, reminded: 2 });
      },
      { timeoutMs: 15_000, intervalMs: 200 },
    );
    // Their events reach notification (it may still be mailing what the tests before caused).
    const expired = /^Booking request expired/;
    const reminded = /^Reminder: /;
    const mails = (subject: RegExp) =>
      platform.smtp
        .to(address)
        .filter((mail) => subject.test(mail.subject))
        .map((mail) => mail.subject);
    await waitFor(
      () => {
        expect(mails(expired)).toHaveLength(4);
        expect(mails(reminded)).toHaveLength(2);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    // Three more ticks on every instance: nothing is done, or mailed, a second time.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(new Set(mails(expired)).size).toBe(4);
    expect(mails(expired)).toHaveLength(4);
    expect(mails(reminded)).toHaveLength(2);
    const { rows: history } = await bookingPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM booking_status_history
        WHERE booking_id = ANY($1::uuid[]) AND to_status = 'CANCELLED' GROUP BY booking_id`,
      [pending],
    );
    expect(history.map((row) => row.n)).toEqual([1, 1, 1, 1]);

    // Each tick of the clock ran the job on one instance, not on each of the three.
    const runs = (await expiryRuns()) - runsBefore;
    const ticks = Math.floor(Date.now() / 1000) - Math.floor(since / 1000) + 1;
    expect(runs).toBeGreaterThan(0);
    expect(runs, `${runs} runs in ${ticks} ticks`).toBeLessThanOrEqual(ticks);
  });

  it('a rolling restart of the three under steady load fails no request and applies no create twice', async () => {
    const customer = await via(0).signUp(email('steady'));
    const first = hoursFrom(30);
    const known = data<Booking>(
      await via(0).call(
        'POST',
        '/api/bookings',
        { resourceId: court, ...range(first) },
        customer.accessToken,
      ),
    );
    const outcomes: Promise<{ what: string; response: LightMyRequestResponse }>[] = [];
    let sent = 0;
    /** 20 requests a second over both gateways: reads, and creates each of a slot of its own. */
    const load = setInterval(() => {
      const n = (sent += 1);
      const what = n % 2 === 0 ? 'GET' : 'POST';
      const request =
        what === 'GET'
          ? via(n).call('GET', `/api/bookings/${known.id}`, undefined, customer.accessToken)
          : via(n).call(
              'POST',
              '/api/bookings',
              { resourceId: court, ...range(first + n * HOUR) },
              customer.accessToken,
            );
      outcomes.push(request.then((response) => ({ what, response })));
    }, 50);
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (let index = 0; index < 3; index += 1) {
        await platform.restart('booking', index);
        // Back in the rotation (the gateways' probes found it ready) before the next goes.
        const restarted = platform.instances.booking![index]!;
        await waitFor(async () => expect(await bookingRequests(restarted)).toBeGreaterThan(0), {
          timeoutMs: 10_000,
          intervalMs: 100,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      clearInterval(load);
    }
    const settled = await Promise.all(outcomes);
    const failed = settled
      .filter(({ what, response }) => response.statusCode !== (what === 'GET' ? 200 : 201))
      .map(({ what, response }) => `${what} ${response.statusCode} ${response.body}`);
    expect(failed).toEqual([]);
    expect(settled.length).toBeGreaterThan(40);
    const creates = settled.filter(({ what }) => what === 'POST').map((o) => o.response);
    const { rows } = await bookingPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM bookings WHERE user_id = $1`,
      [customer.user.id],
    );
    expect(rows[0]!.n).toBe(1 + creates.length);
  });

  it.skipIf(!process.env.REDIS_URL)(
    'two gateways sharing Redis hold one rate limit (skipped without REDIS_URL)',
    async () => {
      // RATE_LIMIT_AUTH_MAX is 6 per client and account: 4 logins on each gateway make 8.
      const login = { identifier: email('nobody'), password: 'not the password' };
      const answers: LightMyRequestResponse[] = [];
      for (let n = 0; n < 8; n += 1)
        answers.push(await via(n).call('POST', '/api/auth/login', login));
      expect(answers.map((a) => a.statusCode === 429)).toEqual([
        false,
        false,
        false,
        false,
        false,
        false,
        true,
        true,
      ]);
      expect(errorCode(answers[7]!)).toBe('RATE_LIMITED');
    },
  );
});
