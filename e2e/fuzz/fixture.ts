import { waitFor } from '@slotwise/testkit';
import { ApiClient, data, type Session } from '../client.js';
import type { Platform } from '../platform.js';

/** Who calls an operation: nobody (a public route) or one of the fixture's signed-in users. */
export type Caller = 'anonymous' | 'admin' | 'vendor' | 'customer' | 'account';

/**
 * One of everything the API addresses by id, all real and reachable, so that a hostile request
 * gets past routing and lookup to the handler and its validation: a verified PREPAY business with
 * opening hours, a category, a resource in it, a customer's booking of it and that booking's
 * payment (with its checkout session).
 */
export interface Fixture {
  sessions: Record<Exclude<Caller, 'anonymous'>, Session>;
  businessId: string;
  categoryId: string;
  resourceId: string;
  bookingId: string;
  paymentId: string;
  /** The simulated provider's checkout session of the payment (its checkout page's last segment). */
  sessionRef: string;
}

const HOUR_MS = 3_600_000;

/** A whole hour, `hours` from now: clear of every booking rule's default. */
const hourFromNow = (hours: number): string =>
  new Date(Math.ceil(Date.now() / HOUR_MS) * HOUR_MS + hours * HOUR_MS).toISOString();

function expectStatus(
  response: { statusCode: number; body: string },
  status: number,
  what: string,
): void {
  if (response.statusCode !== status) {
    throw new Error(`${what}: ${response.statusCode} ${response.body}`);
  }
}

export async function createFixture(platform: Platform): Promise<Fixture> {
  const api = new ApiClient(platform);
  const [admin, vendor, customer, account] = await Promise.all([
    api.admin(),
    api.signUp('fuzz-vendor@example.com', 'VENDOR'),
    api.signUp('fuzz-customer@example.com'),
    // Whose own account the self-service routes (password, 2FA, profile, sign-out) are aimed at.
    api.signUp('fuzz-account@example.com'),
  ]);
  const created = await api.call(
    'POST',
    '/api/businesses',
    { name: 'Fuzz Inn', type: 'HOTEL', paymentMode: 'PREPAY', address: '1 Test Street, Kyoto' },
    vendor.accessToken,
  );
  expectStatus(created, 201, 'business');
  const businessId = data<{ id: string }>(created).id;
  expectStatus(
    await api.call('PATCH', `/api/businesses/${businessId}/verify`, undefined, admin.accessToken),
    200,
    'verification',
  );
  const weekly = Object.fromEntries(
    ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'].map((day) => [day, [['00:00', '24:00']]]),
  );
  expectStatus(
    await api.call(
      'PUT',
      `/api/businesses/${businessId}/schedule`,
      { weekly, overrides: [{ date: '2030-12-25', intervals: [] }] },
      vendor.accessToken,
    ),
    200,
    'schedule',
  );
  const category = await api.call(
    'POST',
    '/api/resources/categories',
    { name: 'Rooms' },
    vendor.accessToken,
  );
  expectStatus(category, 201, 'category');
  const categoryId = data<{ id: string }>(category).id;
  // The resource service learns of the verification from an event: it may not know yet.
  const resourceId = await waitFor(
    async () => {
      const response = await api.call(
        'POST',
        '/api/resources',
        {
          name: 'Room 1',
          type: 'HOTEL_ROOM',
          categoryId,
          price: '80.00',
          currency: 'EUR',
          priceUnit: 'PER_BOOKING',
        },
        vendor.accessToken,
      );
      expectStatus(response, 201, 'resource');
      return data<{ id: string }>(response).id;
    },
    { timeoutMs: 20_000, intervalMs: 500 },
  );
  const booked = await api.call(
    'POST',
    '/api/bookings',
    { resourceId, startTime: hourFromNow(72), endTime: hourFromNow(74), notes: 'Late arrival' },
    customer.accessToken,
  );
  expectStatus(booked, 201, 'booking');
  const bookingId = data<{ id: string }>(booked).id;
  // PREPAY: the payment service makes the payment from the booking's event.
  const payment = await waitFor(
    async () => {
      const list = data<{ id: string; checkoutUrl: string }[]>(
        await api.call('GET', `/api/payments?bookingId=${bookingId}`, undefined, admin.accessToken),
      );
      if (list.length !== 1) throw new Error(`payments of the booking: ${list.length}`);
      return list[0]!;
    },
    { timeoutMs: 20_000, intervalMs: 300 },
  );
  return {
    sessions: { admin, vendor, customer, account },
    businessId,
    categoryId,
    resourceId,
    bookingId,
    paymentId: payment.id,
    sessionRef: new URL(payment.checkoutUrl).pathname.split('/').pop()!,
  };
}
