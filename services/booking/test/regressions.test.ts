import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, hoursFromNow, startBooking, type BookingHarness } from './harness.js';

interface Booking {
  id: string;
  status: string;
}

interface Listed {
  data: Booking[];
  meta: { page: number; limit: number; total: number };
}

describe('booking regressions', () => {
  let h: BookingHarness;
  beforeAll(async () => {
    // The idempotency-key purge runs every second here, so that its test need not wait long.
    h = await startBooking({ CLEANUP_INTERVAL_SEC: '1' });
  });
  afterAll(async () => {
    await h.close();
  });

  const as = async (role: 'CUSTOMER' | 'VENDOR' | 'ADMIN', userId = randomUUID()) => ({
    id: userId,
    token: await h.tokenFor(role, userId),
  });
  type Who = Awaited<ReturnType<typeof as>>;

  const create = (who: Who, body: object, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: body,
      headers: { authorization: `Bearer ${who.token}`, ...headers },
    });
  const act = (who: Who, id: string, action: string) =>
    h.app.inject({
      method: 'POST',
      url: `/api/bookings/${id}/${action}`,
      ...(action === 'cancel' ? { payload: { reason: 'changed my mind' } } : {}),
      headers: { authorization: `Bearer ${who.token}` },
    });
  const list = (who: Who, query: string) =>
    h.app.inject({
      method: 'GET',
      url: `/api/bookings${query}`,
      headers: { authorization: `Bearer ${who.token}` },
    });
  const changed = (response: LightMyRequestResponse): void => {
    expect(response.statusCode, response.body).toBe(200);
  };
  const booked = (response: LightMyRequestResponse): Booking => {
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ data: Booking }>().data;
  };

  describe('concurrent transitions of one booking: exactly one wins', () => {
    let customer: Who;
    let owner: Who;
    let admin: Who;
    let hour = 0;
    beforeAll(async () => {
      [customer, owner, admin] = await Promise.all([as('CUSTOMER'), as('VENDOR'), as('ADMIN')]);
    });

    async function pendingBooking(): Promise<{ id: string; resourceId: string }> {
      const resource = h.addResource({ business: { ownerId: owner.id } });
      hour += 2;
      const booking = booked(
        await create(customer, {
          resourceId: resource.id,
          startTime: hoursFromNow(24 + hour),
          endTime: hoursFromNow(25 + hour),
        }),
      );
      return { id: booking.id, resourceId: resource.id };
    }

    /** The statuses the booking went through after PENDING, oldest first. */
    const changesAfterCreation = async (id: string): Promise<string[]> =>
      (
        await h.container.pool.query<{ to_status: string }>(
          `SELECT to_status FROM booking_status_history
            WHERE booking_id = $1 AND from_status IS NOT NULL ORDER BY at, id`,
          [id],
        )
      ).rows.map((row) => row.to_status);

    /** One 200 (its status returned), every other answer 409 INVALID_STATUS_TRANSITION. */
    function theOneWinner(responses: LightMyRequestResponse[]): string {
      const won = responses.filter((r) => r.statusCode === 200);
      const lost = responses.filter((r) => r.statusCode !== 200);
      const outcomes = responses.map((r) =>
        r.statusCode === 200 ? r.json<{ data: Booking }>().data.status : errorCode(r),
      );
      expect(won, outcomes.join(', ')).toHaveLength(1);
      expect(lost).toHaveLength(responses.length - 1);
      expect(lost.map((r) => r.statusCode)).toEqual(lost.map(() => 409));
      expect(lost.map(errorCode)).toEqual(lost.map(() => 'INVALID_STATUS_TRANSITION'));
      return won[0]!.json<{ data: Booking }>().data.status;
    }

    /**
     * Holds the resource's write lock (the advisory lock every booking write of that resource
     * takes first, booking.repository.ts) in a transaction of the test's, until released.
     */
    async function holdWriteLock(resourceId: string): Promise<() => Promise<void>> {
      const client = await h.container.pool.connect();
      await client.query('BEGIN');
      await client.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('booking:resource:' || $1::uuid::text, 0))`,
        [resourceId],
      );
      return async () => {
        await client.query('COMMIT');
        client.release();
      };
    }
    const writesWaitingOnLocks = async (): Promise<number> =>
      (
        await h.container.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        )
      ).rows[0]!.n;

    it('confirm vs cancel vs check-in, all having read the PENDING booking first: the version guard lets one through', async () => {
      for (let round = 0; round < 3; round += 1) {
        const { id, resourceId } = await pendingBooking();
        // Every request reads the booking (version 1, PENDING) and then queues on the lock, so
        // the status checks all pass; only the version in the UPDATE can tell them apart.
        const release = await holdWriteLock(resourceId);
        const answers = Promise.all([
          act(owner, id, 'confirm'),
          act(customer, id, 'cancel'),
          act(admin, id, 'confirm'),
          act(owner, id, 'cancel'),
          act(owner, id, 'check-in'), // from PENDING: refused before it writes
        ]);
        try {
          await expect.poll(writesWaitingOnLocks, { timeout: 20_000 }).toBe(4);
        } finally {
          await release();
        }
        const winner = theOneWinner(await answers);
        expect(['CONFIRMED', 'CANCELLED']).toContain(winner);
        expect(await changesAfterCreation(id)).toEqual([winner]);
        const events = await h.container.pool.query(
          `SELECT type FROM outbox WHERE aggregate_id = $1`,
          [id],
        );
        expect(events.rowCount).toBe(2);
      }
    });

    it('check-in vs no-show vs cancel vs confirm on a CONFIRMED booking that began, fired together: one wins', async () => {
      for (let round = 0; round < 5; round += 1) {
        const { id } = await pendingBooking();
        changed(await act(owner, id, 'confirm'));
        await h.startedAgo(id, 5);
        // Whichever goes first leaves none of the others possible (the customer may not cancel
        // once checked in), so however they interleave, exactly one may succeed.
        const winner = theOneWinner(
          await Promise.all([
            act(owner, id, 'check-in'),
            act(admin, id, 'check-in'),
            act(owner, id, 'no-show'),
            act(customer, id, 'cancel'),
            act(customer, id, 'cancel'),
            act(owner, id, 'confirm'),
          ]),
        );
        expect(['IN_PROGRESS', 'NO_SHOW', 'CANCELLED']).toContain(winner);
        expect(await changesAfterCreation(id)).toEqual(['CONFIRMED', winner]);
      }
    });
  });

  describe('Idempotency-Key', () => {
    it('refuses the same key with another resourceId, categoryId, startTime or endTime (422), booking nothing', async () => {
      const customer = await as('CUSTOMER');
      const category = randomUUID();
      const [resource, other] = [h.addResource(), h.addResource({ categoryId: category })];
      const body = {
        resourceId: resource.id,
        startTime: hoursFromNow(28),
        endTime: hoursFromNow(30),
      };
      const key = { 'idempotency-key': 'same-key-other-body' };
      const first = booked(await create(customer, body, key));
      // Each is a request that could be booked as it stands, were the key not taken.
      for (const variant of [
        { ...body, resourceId: other.id },
        { startTime: body.startTime, endTime: body.endTime, categoryId: category },
        { ...body, startTime: hoursFromNow(29) },
        { ...body, endTime: hoursFromNow(31) },
      ]) {
        const response = await create(customer, variant, key);
        expect(response.statusCode, JSON.stringify(variant)).toBe(422);
        expect(errorCode(response)).toBe('IDEMPOTENCY_KEY_REUSED');
      }
      const { rows } = await h.container.pool.query<{ id: string }>(
        'SELECT id FROM bookings WHERE user_id = $1',
        [customer.id],
      );
      expect(rows).toEqual([{ id: first.id }]);
      expect(booked(await create(customer, body, key)).id).toBe(first.id);
    });

    it('purges keys past their lifetime on its schedule, and keeps the live ones', async () => {
      const customer = await as('CUSTOMER');
      const resource = h.addResource();
      const bodyAt = (hours: number) => ({
        resourceId: resource.id,
        startTime: hoursFromNow(hours),
        endTime: hoursFromNow(hours + 1),
      });
      const live = booked(await create(customer, bodyAt(40), { 'idempotency-key': 'purge-live' }));
      booked(await create(customer, bodyAt(42), { 'idempotency-key': 'purge-old' }));
      // One past the 24-hour lifetime, one within it.
      await h.container.pool.query(
        `UPDATE idempotency_keys SET created_at = now() - CASE key
           WHEN 'purge-old' THEN interval '25 hours' ELSE interval '23 hours' END
         WHERE user_id = $1`,
        [customer.id],
      );
      const keysLeft = async () =>
        (
          await h.container.pool.query<{ key: string }>(
            'SELECT key FROM idempotency_keys WHERE user_id = $1 ORDER BY key',
            [customer.id],
          )
        ).rows.map((row) => row.key);
      await expect.poll(keysLeft, { timeout: 20_000, interval: 200 }).toEqual(['purge-live']);
      const replay = await create(customer, bodyAt(40), { 'idempotency-key': 'purge-live' });
      expect(booked(replay).id).toBe(live.id);
    });
  });

  describe('listing: filters, sorting and meta.total', () => {
    let customer: Who;
    let ownerOne: Who;
    const ids: Record<string, string> = {};
    let businessTwo: string;
    let resourceOneA: string;
    const base = Date.now() - (Date.now() % 60_000) + 96 * 3_600_000;
    const at = (hours: number) => new Date(base + hours * 3_600_000).toISOString();

    beforeAll(async () => {
      [customer, ownerOne] = await Promise.all([as('CUSTOMER'), as('VENDOR')]);
      const businessOne = { id: randomUUID(), ownerId: ownerOne.id };
      const oneA = h.addResource({ business: businessOne });
      const oneB = h.addResource({ business: businessOne });
      const two = h.addResource();
      businessTwo = two.business.id;
      resourceOneA = oneA.id;
      // [start, end) in hours from the base: b4 first, then b1, b3, b2, b5.
      const plan: [string, string, number, number][] = [
        ['b1', oneA.id, 4, 5],
        ['b2', oneA.id, 6, 7],
        ['b3', oneB.id, 5, 8],
        ['b4', two.id, 3, 4],
        ['b5', two.id, 9, 10],
      ];
      for (const [name, resourceId, start, end] of plan) {
        ids[name] = booked(
          await create(customer, { resourceId, startTime: at(start), endTime: at(end) }),
        ).id;
      }
      changed(await act(ownerOne, ids.b2!, 'confirm'));
      changed(await act(customer, ids.b5!, 'cancel'));
      // Created in another order than they start: b3, b5, b1, b4, b2.
      for (const [name, minutesAgo] of [
        ['b3', 50],
        ['b5', 40],
        ['b1', 30],
        ['b4', 20],
        ['b2', 10],
      ] as const) {
        await h.container.pool.query(
          `UPDATE bookings SET created_at = now() - make_interval(mins => $2) WHERE id = $1`,
          [ids[name], minutesAgo],
        );
      }
    });

    const names = (listed: Listed) =>
      listed.data.map((b) => Object.keys(ids).find((name) => ids[name] === b.id) ?? b.id);
    const read = async (who: Who, query: string) => {
      const response = await list(who, query);
      expect(response.statusCode, `${query}: ${response.body}`).toBe(200);
      const body = response.json<Listed>();
      return { names: names(body), meta: body.meta };
    };

    it('sorts by startTime (the default) or createdAt, either way', async () => {
      expect(await read(customer, '')).toEqual({
        names: ['b4', 'b1', 'b3', 'b2', 'b5'],
        meta: { page: 1, limit: 20, total: 5 },
      });
      expect((await read(customer, '?sort=-startTime')).names).toEqual([
        'b5',
        'b2',
        'b3',
        'b1',
        'b4',
      ]);
      expect((await read(customer, '?sort=createdAt')).names).toEqual([
        'b3',
        'b5',
        'b1',
        'b4',
        'b2',
      ]);
      expect((await read(customer, '?sort=-createdAt')).names).toEqual([
        'b2',
        'b4',
        'b1',
        'b5',
        'b3',
      ]);
      expect((await list(customer, '?sort=price')).statusCode).toBe(400);
    });

    it('pages through them with the whole count in meta.total on every page', async () => {
      const pages = [];
      for (let page = 1; page <= 4; page += 1) {
        pages.push(await read(customer, `?limit=2&page=${page}`));
      }
      expect(pages).toEqual([
        { names: ['b4', 'b1'], meta: { page: 1, limit: 2, total: 5 } },
        { names: ['b3', 'b2'], meta: { page: 2, limit: 2, total: 5 } },
        { names: ['b5'], meta: { page: 3, limit: 2, total: 5 } },
        { names: [], meta: { page: 4, limit: 2, total: 5 } },
      ]);
    });

    it('filters by status, resource, business and time window, counting only what matches', async () => {
      const cases: [string, string[]][] = [
        ['?status=PENDING', ['b4', 'b1', 'b3']],
        ['?status=CONFIRMED', ['b2']],
        ['?status=CANCELLED', ['b5']],
        ['?status=COMPLETED', []],
        [`?resourceId=${resourceOneA}`, ['b1', 'b2']],
        [`?businessId=${businessTwo}`, ['b4', 'b5']],
        // Bookings overlapping [from, to), half-open: b4 ends at `from`, b2 starts at `to`.
        [`?from=${at(4)}&to=${at(6)}`, ['b1', 'b3']],
        [`?from=${at(8)}`, ['b5']],
        [`?to=${at(4)}`, ['b4']],
      ];
      for (const [query, expected] of cases) {
        const result = await read(customer, query);
        expect(result.names, query).toEqual(expected);
        expect(result.meta.total, query).toBe(expected.length);
      }
    });

    it('combines filters, sorting and paging; a vendor sees only its business’s', async () => {
      expect(
        await read(customer, `?resourceId=${resourceOneA}&status=PENDING&sort=-startTime&limit=1`),
      ).toEqual({ names: ['b1'], meta: { page: 1, limit: 1, total: 1 } });
      expect(await read(customer, `?status=PENDING&sort=-startTime&limit=2&page=2`)).toEqual({
        names: ['b4'],
        meta: { page: 2, limit: 2, total: 3 },
      });
      expect(await read(ownerOne, '')).toEqual({
        names: ['b1', 'b3', 'b2'],
        meta: { page: 1, limit: 20, total: 3 },
      });
      expect((await read(ownerOne, `?businessId=${businessTwo}`)).meta.total).toBe(0);
      expect((await read(ownerOne, '?status=CONFIRMED')).names).toEqual(['b2']);
    });
  });
});
