import { loadConfig } from '@slotwise/platform/config';
import type { HttpApp } from '@slotwise/platform/http';
import { startTcpProxy, waitFor, type TcpProxy } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { configSchema } from '../src/config.js';
import { buildContainer, type Container } from '../src/container.js';
import { hoursFromNow, startBooking, type BookingHarness } from './harness.js';

/**
 * PostgreSQL going away under load, the way a restart looks from the service: every connection
 * reset mid-statement, new ones refused for a while, then back. The service reaches the database
 * through a TCP proxy the test cuts; the test reads the outcome straight from the database.
 */
describe('the database restarting under a load of bookings', () => {
  let harness: BookingHarness;
  let proxy: TcpProxy;
  let app: HttpApp;
  let container: Container;

  beforeAll(async () => {
    harness = await startBooking();
    const url = new URL(harness.testEnv.env.DATABASE_URL!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    const env = {
      ...harness.testEnv.env,
      DATABASE_URL: proxy.rewrite(harness.testEnv.env.DATABASE_URL!),
      DATABASE_POOL_MAX: '8',
    };
    container = await buildContainer(loadConfig('booking', configSchema, env));
    app = await buildApp(container);
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    for (const step of container?.stopSteps ?? []) await step.run();
    await proxy?.close();
    await harness?.close();
  });

  it('answers 201 or 503 with Retry-After (never a 500), recovers by itself, and leaves no booking half-written', async () => {
    const resource = harness.addResource();
    const token = await harness.tokenFor('CUSTOMER');
    // From tomorrow on, one hour after another (within the default rules' year ahead).
    const base = Date.parse(hoursFromNow(24));
    let slot = 0;
    const created: string[] = [];
    const statuses = new Map<number, number>();
    const unexpected: string[] = [];
    let withoutRetryAfter = 0;
    const book = async (): Promise<number> => {
      slot += 1;
      const startTime = new Date(base + slot * 3_600_000).toISOString();
      const endTime = new Date(base + (slot + 1) * 3_600_000 - 60_000).toISOString();
      const response = await app.inject({
        method: 'POST',
        url: '/api/bookings',
        headers: { authorization: `Bearer ${token}` },
        payload: { resourceId: resource.id, startTime, endTime },
      });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode === 201)
        created.push(response.json<{ data: { id: string } }>().data.id);
      if (response.statusCode === 503 && !response.headers['retry-after']) withoutRetryAfter += 1;
      if (![201, 503].includes(response.statusCode))
        unexpected.push(`${response.statusCode} ${response.body}`);
      return response.statusCode;
    };
    // Eight clients booking one slot after another, before, during and after the outage.
    let running = true;
    const clients = Array.from({ length: 8 }, async () => {
      while (running) await book();
    });

    try {
      await waitFor(() => expect(created.length).toBeGreaterThanOrEqual(20), { timeoutMs: 20_000 });
      proxy.cut();
      await waitFor(() => expect(statuses.get(503) ?? 0).toBeGreaterThanOrEqual(20), {
        timeoutMs: 20_000,
      });
      const before = created.length;
      proxy.restore();
      // Recovery needs nobody: the pool replaces its dead connections on the next checkout.
      await waitFor(() => expect(created.length).toBeGreaterThanOrEqual(before + 20), {
        timeoutMs: 30_000,
      });
    } finally {
      running = false;
      proxy.restore();
      await Promise.all(clients);
    }
    expect(unexpected).toEqual([]);
    expect(withoutRetryAfter).toBe(0);

    // All three rows of a booking, or none: the booking, its first history row and its event.
    const pool = harness.container.pool;
    const { rows } = await pool.query<{ bookings: number; orphans: number; incomplete: number }>(
      `SELECT
         (SELECT count(*)::int FROM bookings WHERE resource_id = $1) AS bookings,
         (SELECT count(*)::int FROM booking_status_history h
            WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.id = h.booking_id))
         + (SELECT count(*)::int FROM outbox o WHERE o.type = 'booking.created'
            AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.id::text = o.aggregate_id)) AS orphans,
         (SELECT count(*)::int FROM bookings b WHERE b.resource_id = $1 AND (
            (SELECT count(*) FROM booking_status_history h
               WHERE h.booking_id = b.id AND h.from_status IS NULL) <> 1
            OR (SELECT count(*) FROM outbox o
               WHERE o.aggregate_id = b.id::text AND o.type = 'booking.created') <> 1)) AS incomplete`,
      [resource.id],
    );
    expect(rows[0]!.orphans).toBe(0);
    expect(rows[0]!.incomplete).toBe(0);
    // Every 201 is in the database; a booking whose commit outlived its connection by a hair may
    // be there without its 201 (the client saw a 503 and may retry with its Idempotency-Key).
    const { rows: found } = await pool.query<{ id: string }>(
      'SELECT id FROM bookings WHERE id = ANY($1::uuid[])',
      [created],
    );
    expect(found).toHaveLength(created.length);
    expect(rows[0]!.bookings).toBeGreaterThanOrEqual(created.length);
    expect(rows[0]!.bookings - created.length).toBeLessThanOrEqual(8);
  }, 120_000);
});
