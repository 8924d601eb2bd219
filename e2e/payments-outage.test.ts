import { waitFor } from '@slotwise/testkit';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, data, type Session } from './client.js';
import { startPlatform, type Platform } from './platform.js';

interface Booking {
  id: string;
  status: string;
  paymentStatus: string;
  totalPrice: string;
}
interface Payment {
  id: string;
  bookingId: string;
  status: string;
  amount: string;
  refundedAmount: string;
}

const BOOKINGS = 200;
const RESOURCES = 10;
const CUSTOMERS = 4;
/** Requests in flight at once, as a few busy clients would send them. */
const PARALLEL = 8;
const HOUR_MS = 3_600_000;
/** Every 4th booking is cancelled once paid: 50 of 200. */
const isCancelled = (index: number): boolean => index % 4 === 0;

/** An hour-long slot `hoursAhead` from now, on the hour. */
function slot(hoursAhead: number): { startTime: string; endTime: string } {
  const start = new Date(Date.now() + hoursAhead * HOUR_MS);
  start.setUTCMinutes(0, 0, 0);
  return {
    startTime: start.toISOString(),
    endTime: new Date(start.getTime() + HOUR_MS).toISOString(),
  };
}

/** Runs `work` over `items`, `parallel` at a time, and answers the results in order. */
async function inParallel<T, R>(
  items: readonly T[],
  parallel: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return results;
}

const count = async (pool: pg.Pool, sql: string, values: unknown[] = []): Promise<number> => {
  const { rows } = await pool.query<{ n: string }>(sql, values);
  return Number(rows[0]!.n);
};

/** What each mail is, by its subject (services/notification/src/templates). */
const RECEIPT = /^Receipt for your payment of /;
const MAIL_KINDS: readonly (readonly [string, RegExp])[] = [
  ['link', /^Complete your payment of /],
  ['receipt', RECEIPT],
  ['refund', /^Your refund of /],
  ['payment-failed', /did not go through$/],
  ['requested', /^New booking request: /],
  ['received', /^Booking request received: /],
  ['confirmed', /^Booking confirmed: /],
  ['cancelled', /^Booking cancelled: /],
];
/** The services that use the event bus, whose readiness says whether they reach it. */
const ON_THE_BUS = ['booking', 'payment', 'notification'];

describe('payments across a broker outage', () => {
  let platform: Platform;
  let api: ApiClient;
  let vendor: Session;
  let customers: Session[];
  let resourceIds: string[];
  let bookingPool: pg.Pool;
  let paymentPool: pg.Pool;

  beforeAll(async () => {
    platform = await startPlatform({ brokerProxy: true });
    bookingPool = platform.services.booking!.container.pool;
    paymentPool = platform.services.payment!.container.pool;
    api = new ApiClient(platform);
    const admin = await api.admin();
    vendor = await api.signUp('outage-salon@example.com', 'VENDOR');
    customers = [];
    for (let i = 0; i < CUSTOMERS; i += 1) {
      customers.push(await api.signUp(`outage-payer${i}@example.com`));
    }
    const created = await api.call(
      'POST',
      '/api/businesses',
      {
        name: 'Salon Through The Storm',
        type: 'SALON',
        paymentMode: 'PREPAY',
        cancellationPolicy: { freeCancellationHours: 24, lateRefundPercent: 50 },
      },
      vendor.accessToken,
    );
    if (created.statusCode !== 201) throw new Error(`business not created: ${created.body}`);
    const businessId = data<{ id: string }>(created).id;
    await api.call('PATCH', `/api/businesses/${businessId}/verify`, undefined, admin.accessToken);
    resourceIds = await waitFor(
      async () => {
        const response = await api.call(
          'POST',
          '/api/resources/bulk',
          {
            resources: Array.from({ length: RESOURCES }, (_, r) => ({
              name: `Chair ${r + 1}`,
              type: 'SALON_CHAIR',
              price: `${30 + r}.50`,
              currency: 'EUR',
              priceUnit: 'PER_BOOKING',
              bookingRules: { autoConfirm: true },
            })),
          },
          vendor.accessToken,
        );
        if (response.statusCode !== 201) throw new Error(`not yet: ${response.body}`);
        return data<{ id: string }[]>(response).map((r) => r.id);
      },
      { timeoutMs: 15_000, intervalMs: 300 },
    );
  });
  afterAll(async () => {
    platform.broker?.restore();
    await platform.close();
  });

  const customerOf = (index: number): Session => customers[Math.floor(index / 5) % CUSTOMERS]!;
  const book = async (index: number, hoursAhead: number): Promise<Booking> => {
    const response = await api.call(
      'POST',
      '/api/bookings',
      { resourceId: resourceIds[index % RESOURCES], ...slot(hoursAhead) },
      customerOf(index).accessToken,
    );
    expect(response.statusCode, response.body).toBe(201);
    return data<Booking>(response);
  };
  const paymentOf = async (booking: Booking, index: number): Promise<Payment> => {
    const response = await api.call(
      'GET',
      `/api/payments?bookingId=${booking.id}`,
      undefined,
      customerOf(index).accessToken,
    );
    expect(response.statusCode, response.body).toBe(200);
    const list = data<Payment[]>(response);
    expect(list).toHaveLength(1);
    return list[0]!;
  };
  const pay = async (payment: Payment, index: number): Promise<void> => {
    const paid = await api.call(
      'POST',
      `/api/payments/${payment.id}/simulate`,
      { outcome: 'succeed' },
      customerOf(index).accessToken,
    );
    expect(paid.statusCode, paid.body).toBe(200);
    expect(data<Payment>(paid).status).toBe('SUCCEEDED');
  };
  /** The kinds of mail that name each booking (its reference is in every booking and payment mail). */
  const mailKinds = (): Map<string, string[]> => {
    const byBooking = new Map<string, string[]>();
    for (const mail of platform.smtp.messages) {
      const bookingId = /Booking reference: ([0-9a-f-]{36})/.exec(mail.text)?.[1];
      if (!bookingId) continue;
      const kind =
        MAIL_KINDS.find(([, subject]) => subject.test(mail.subject))?.[0] ?? mail.subject;
      byBooking.set(bookingId, [...(byBooking.get(bookingId) ?? []), kind]);
    }
    return byBooking;
  };
  const kindsOf = (mails: Map<string, string[]>, bookingId: string): string[] =>
    [...(mails.get(bookingId) ?? [])].sort();
  const outboxes = async (): Promise<number> =>
    (await count(bookingPool, 'SELECT count(*) AS n FROM outbox')) +
    (await count(paymentPool, 'SELECT count(*) AS n FROM outbox'));
  /** The readiness answers (200 or 503) of the services on the bus. */
  const readiness = (): Promise<number[]> =>
    Promise.all(
      ON_THE_BUS.map(
        async (name) =>
          (await platform.services[name]!.app.inject({ method: 'GET', url: '/health/ready' }))
            .statusCode,
      ),
    );

  it(`pays ${BOOKINGS} PREPAY bookings and cancels ${BOOKINGS / 4} of them while the broker is down: once it is back, every payment, refund and mail happened once and every booking ends right`, async () => {
    const broker = platform.broker!;

    // 1. The broker is up: 200 bookings over 10 chairs (20 hours each, two days ahead and more,
    //    so a cancellation is early: refunded in full), each with its payment.
    const indexes = Array.from({ length: BOOKINGS }, (_, i) => i);
    const bookings = await inParallel(indexes, PARALLEL, (i) =>
      book(i, 48 + Math.floor(i / RESOURCES)),
    );
    for (const made of bookings)
      expect(made).toMatchObject({ status: 'PENDING', paymentStatus: 'PENDING' });
    const ids = bookings.map((b) => b.id);
    await waitFor(
      async () =>
        expect(
          await count(
            paymentPool,
            'SELECT count(*) AS n FROM payments WHERE booking_id = ANY($1)',
            [ids],
          ),
        ).toBe(BOOKINGS),
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const payments = await inParallel(bookings, PARALLEL, (made, i) => paymentOf(made, i));
    payments.forEach((payment, i) =>
      expect(payment).toMatchObject({ status: 'PENDING', amount: bookings[i]!.totalPrice }),
    );
    // Nothing of this is still on its way when the broker goes: booking heard of every payment,
    // every mail so far went out, and no event waits in an outbox.
    await waitFor(
      async () => {
        expect(
          await count(
            bookingPool,
            'SELECT count(*) AS n FROM bookings WHERE id = ANY($1) AND payment_version >= 1',
            [ids],
          ),
        ).toBe(BOOKINGS);
        const mails = mailKinds();
        for (const id of ids) expect(kindsOf(mails, id)).toEqual(['link', 'received', 'requested']);
        expect(await outboxes()).toBe(0);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );

    // 2. The broker goes away: every service loses it.
    broker.cut();
    await waitFor(async () => expect(await readiness()).toEqual([503, 503, 503]), {
      timeoutMs: 10_000,
    });

    // 3. Meanwhile all 200 are paid, and 50 cancelled by their customers once paid.
    const cancelled = new Set<string>();
    await inParallel(bookings, PARALLEL, async (made, i) => {
      await pay(payments[i]!, i);
      if (!isCancelled(i)) return;
      const response = await api.call(
        'POST',
        `/api/bookings/${made.id}/cancel`,
        { reason: 'plans changed' },
        customerOf(i).accessToken,
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(data<Booking>(response).status).toBe('CANCELLED');
      cancelled.add(made.id);
    });
    expect(cancelled.size).toBe(BOOKINGS / 4);
    expect(broker.isCut).toBe(true);
    // Nothing got through: booking has not heard of a single payment, no receipt went out, and
    // the news waits in the outboxes (200 payment.succeeded, 50 booking.cancelled).
    expect(
      await count(
        bookingPool,
        `SELECT count(*) AS n FROM bookings WHERE id = ANY($1) AND payment_status = 'PENDING'`,
        [ids],
      ),
    ).toBe(BOOKINGS);
    expect(
      await count(paymentPool, `SELECT count(*) AS n FROM outbox WHERE type = 'payment.succeeded'`),
    ).toBe(BOOKINGS);
    expect(
      await count(bookingPool, `SELECT count(*) AS n FROM outbox WHERE type = 'booking.cancelled'`),
    ).toBe(BOOKINGS / 4);
    expect(platform.smtp.messages.filter((m) => RECEIPT.test(m.subject))).toEqual([]);

    // 4. The broker comes back; everything settles.
    broker.restore();
    await waitFor(async () => expect(await readiness()).toEqual([200, 200, 200]), {
      timeoutMs: 30_000,
    });
    const cancelledIds = [...cancelled];
    const keptIds = ids.filter((id) => !cancelled.has(id));
    await waitFor(
      async () => {
        expect(
          await count(
            bookingPool,
            `SELECT count(*) AS n FROM bookings WHERE id = ANY($1)
               AND status = 'CONFIRMED' AND payment_status = 'PAID'`,
            [keptIds],
          ),
        ).toBe(keptIds.length);
        expect(
          await count(
            bookingPool,
            `SELECT count(*) AS n FROM bookings WHERE id = ANY($1)
               AND status = 'CANCELLED' AND payment_status = 'REFUNDED'`,
            [cancelledIds],
          ),
        ).toBe(cancelledIds.length);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    await waitFor(
      () => {
        const mails = mailKinds();
        for (const id of keptIds) expect(mails.get(id)).toContain('confirmed');
        for (const id of ids) expect(mails.get(id)).toContain('receipt');
        for (const id of cancelledIds) {
          expect(mails.get(id)).toContain('refund');
          expect(mails.get(id)).toContain('cancelled');
        }
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );

    // 5. A last booking paid with the broker up, as a barrier: consumers take their queues in
    //    order, so once its mails are out, a late redelivery of anything before it has been
    //    handled too, and a duplicate it caused would show below.
    const last = await book(0, 48 + BOOKINGS / RESOURCES + 1);
    const lastPayment = await waitFor(() => paymentOf(last, 0), { timeoutMs: 15_000 });
    await pay(lastPayment, 0);
    await waitFor(
      async () => {
        expect(mailKinds().get(last.id)).toContain('receipt');
        expect(mailKinds().get(last.id)).toContain('confirmed');
      },
      { timeoutMs: 15_000 },
    );
    await waitFor(async () => expect(await outboxes()).toBe(0), { timeoutMs: 15_000 });

    // Every booking as its customer sees it.
    const seen = new Map<string, Booking>();
    for (const customer of customers) {
      const response = await api.call(
        'GET',
        '/api/bookings?limit=100',
        undefined,
        customer.accessToken,
      );
      expect(response.statusCode, response.body).toBe(200);
      for (const booking of data<Booking[]>(response)) seen.set(booking.id, booking);
    }
    for (const id of keptIds) {
      expect(seen.get(id)).toMatchObject({ status: 'CONFIRMED', paymentStatus: 'PAID' });
    }
    for (const id of cancelledIds) {
      expect(seen.get(id)).toMatchObject({ status: 'CANCELLED', paymentStatus: 'REFUNDED' });
    }
    // Every payment as the API shows it: a refund of the whole amount for each cancelled booking.
    const shown = await inParallel(bookings, PARALLEL, (made, i) => paymentOf(made, i));
    shown.forEach((payment, i) => {
      const id = bookings[i]!.id;
      expect(payment.id).toBe(payments[i]!.id);
      expect(payment).toMatchObject(
        cancelled.has(id)
          ? { status: 'REFUNDED', refundedAmount: payment.amount }
          : { status: 'SUCCEEDED', refundedAmount: '0.00' },
      );
    });

    // In the booking database: a kept booking was confirmed once, a cancelled one never.
    const { rows: histories } = await bookingPool.query<{ booking_id: string; path: string }>(
      `SELECT booking_id, string_agg(to_status::text, ' ' ORDER BY at, to_status) AS path
         FROM booking_status_history WHERE booking_id = ANY($1) GROUP BY booking_id`,
      [ids],
    );
    expect(histories).toHaveLength(BOOKINGS);
    expect(
      histories.filter(
        (row) =>
          row.path !== (cancelled.has(row.booking_id) ? 'PENDING CANCELLED' : 'PENDING CONFIRMED'),
      ),
    ).toEqual([]);

    // In the payment database: one payment per booking, charged once; one refund per cancelled
    // booking, of the whole amount, made once at the provider; none for the others.
    const { rows: perBooking } = await paymentPool.query<{ booking_id: string; n: string }>(
      'SELECT booking_id, count(*) AS n FROM payments WHERE booking_id = ANY($1) GROUP BY booking_id',
      [ids],
    );
    expect(perBooking).toHaveLength(BOOKINGS);
    expect(perBooking.filter((row) => row.n !== '1')).toEqual([]);
    const { rows: moneyMoves } = await paymentPool.query<{
      booking_id: string;
      checkouts: string;
      charges: string;
      refunds: string;
      refund_rows: string;
      refunded_ok: boolean;
    }>(
      `SELECT p.booking_id,
              (SELECT count(*) FROM simulated_provider_ledger l
                WHERE l.payment_id = p.id AND l.operation = 'CHECKOUT') AS checkouts,
              (SELECT count(*) FROM simulated_provider_ledger l
                WHERE l.payment_id = p.id AND l.operation = 'CHARGE') AS charges,
              (SELECT count(*) FROM simulated_provider_ledger l
                WHERE l.payment_id = p.id AND l.operation = 'REFUND') AS refunds,
              (SELECT count(*) FROM payment_refunds r WHERE r.payment_id = p.id) AS refund_rows,
              COALESCE((SELECT bool_and(r.status = 'SUCCEEDED' AND r.amount = p.amount)
                FROM payment_refunds r WHERE r.payment_id = p.id), true) AS refunded_ok
         FROM payments p WHERE p.booking_id = ANY($1)`,
      [ids],
    );
    const wrong = moneyMoves.filter((row) => {
      const refunds = cancelled.has(row.booking_id) ? '1' : '0';
      return (
        row.checkouts !== '1' ||
        row.charges !== '1' ||
        row.refunds !== refunds ||
        row.refund_rows !== refunds ||
        !row.refunded_ok
      );
    });
    expect(wrong).toEqual([]);

    // In the mail: for every booking, each mail once, and nothing else (no failed payment).
    const mails = mailKinds();
    for (const id of keptIds) {
      expect(kindsOf(mails, id), id).toEqual([
        'confirmed',
        'link',
        'receipt',
        'received',
        'requested',
      ]);
    }
    for (const id of cancelledIds) {
      expect(kindsOf(mails, id), id).toEqual([
        'cancelled',
        'link',
        'receipt',
        'received',
        'refund',
        'requested',
      ]);
    }
  }, 150_000);
});
