import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, data, type Session } from './client.js';
import { startPlatform, type Platform } from './platform.js';

interface Booking {
  id: string;
  status: string;
  paymentStatus: string;
  paymentDueAt: string | null;
  cancelReason: string | null;
  totalPrice: string;
}
interface Payment {
  id: string;
  bookingId: string;
  status: string;
  amount: string;
  refundedAmount: string;
  checkoutUrl: string;
}

const HOUR_MS = 3_600_000;

/** Creates a resource once its business's verification has reached the resource service. */
function createResource(api: ApiClient, token: string, body: object): Promise<string> {
  return waitFor(
    async () => {
      const response = await api.call('POST', '/api/resources', body, token);
      if (response.statusCode !== 201) throw new Error(`not yet: ${response.body}`);
      return data<{ id: string }>(response).id;
    },
    { timeoutMs: 15_000, intervalMs: 300 },
  );
}

/** An hour-long slot `hoursAhead` from now, on the hour. */
function slot(hoursAhead: number): { startTime: string; endTime: string } {
  const start = new Date(Date.now() + hoursAhead * HOUR_MS);
  start.setUTCMinutes(0, 0, 0);
  return {
    startTime: start.toISOString(),
    endTime: new Date(start.getTime() + HOUR_MS).toISOString(),
  };
}

describe('payments end to end: the PREPAY saga, refunds by policy, compensation', () => {
  let platform: Platform;
  let api: ApiClient;
  let admin: Session;
  let customer: Session;
  let vendor: Session;
  let businessId: string;
  let chairId: string;

  beforeAll(async () => {
    platform = await startPlatform();
    api = new ApiClient(platform);
    admin = await api.admin();
    customer = await api.signUp('payer@example.com');
    vendor = await api.signUp('salon@example.com', 'VENDOR');
    const created = await api.call(
      'POST',
      '/api/businesses',
      {
        name: 'Salon Up Front',
        type: 'SALON',
        paymentMode: 'PREPAY',
        cancellationPolicy: { freeCancellationHours: 24, lateRefundPercent: 50 },
      },
      vendor.accessToken,
    );
    if (created.statusCode !== 201) throw new Error(`business not created: ${created.body}`);
    businessId = data<{ id: string }>(created).id;
    await api.call('PATCH', `/api/businesses/${businessId}/verify`, undefined, admin.accessToken);
    chairId = await createResource(api, vendor.accessToken, {
      name: 'Chair 1',
      type: 'SALON_CHAIR',
      price: '40.00',
      currency: 'EUR',
      priceUnit: 'PER_BOOKING',
      bookingRules: { autoConfirm: true },
    });
  });
  afterAll(async () => {
    await platform.close();
  });

  const book = async (hoursAhead: number, resourceId = chairId): Promise<Booking> => {
    const response = await api.call(
      'POST',
      '/api/bookings',
      { resourceId, ...slot(hoursAhead) },
      customer.accessToken,
    );
    expect(response.statusCode, response.body).toBe(201);
    return data<Booking>(response);
  };
  const booking = async (id: string): Promise<Booking> =>
    data<Booking>(await api.call('GET', `/api/bookings/${id}`, undefined, customer.accessToken));
  const paymentOf = (bookingId: string): Promise<Payment> =>
    waitFor(async () => {
      const list = data<Payment[]>(
        await api.call(
          'GET',
          `/api/payments?bookingId=${bookingId}`,
          undefined,
          customer.accessToken,
        ),
      );
      expect(list).toHaveLength(1);
      return list[0]!;
    });
  /** The customer opens the checkout page and presses a button on it, as a browser would. */
  const onCheckoutPage = async (payment: Payment, action: 'pay' | 'decline') => {
    const path = new URL(payment.checkoutUrl).pathname;
    const page = await platform.gateway.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Decline');
    const pressed = await platform.gateway.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `action=${action}`,
    });
    expect(pressed.statusCode, pressed.body).toBeLessThan(400);
  };

  it('books a PREPAY chair, pays on the checkout page, and the booking is PAID and CONFIRMED', async () => {
    const made = await book(72);
    expect(made).toMatchObject({ status: 'PENDING', paymentStatus: 'PENDING' });
    expect(made.paymentDueAt).not.toBeNull();
    const payment = await paymentOf(made.id);
    expect(payment).toMatchObject({ status: 'PENDING', amount: '40.00' });

    await onCheckoutPage(payment, 'pay');
    const paid = await waitFor(async () => {
      const now = await booking(made.id);
      expect(now.paymentStatus).toBe('PAID');
      return now;
    });
    // autoConfirm: paid is confirmed.
    expect(paid).toMatchObject({ status: 'CONFIRMED', paymentDueAt: null });
    const link = await platform.smtp.waitFor('payer@example.com', { subject: /payment/i });
    expect(link.text).toContain(new URL(payment.checkoutUrl).pathname);
    const receipt = await platform.smtp.waitFor('payer@example.com', { subject: /receipt/i });
    expect(receipt.text).toContain('40.00');
  });

  it('a declined payment cancels the booking (PAYMENT_FAILED) and frees its time', async () => {
    const made = await book(96);
    const payment = await paymentOf(made.id);
    await onCheckoutPage(payment, 'decline');
    const released = await waitFor(async () => {
      const now = await booking(made.id);
      expect(now.status).toBe('CANCELLED');
      return now;
    });
    expect(released).toMatchObject({ cancelReason: 'PAYMENT_FAILED', paymentStatus: 'FAILED' });
    // The same time books again.
    const again = await api.call(
      'POST',
      '/api/bookings',
      { resourceId: chairId, ...slot(96) },
      customer.accessToken,
    );
    expect(again.statusCode, again.body).toBe(201);
  });

  it('refunds an early cancellation in full and a late one at the policy’s percent', async () => {
    const early = await book(120);
    const late = await book(6);
    for (const made of [early, late]) {
      const payment = await paymentOf(made.id);
      const simulated = await api.call(
        'POST',
        `/api/payments/${payment.id}/simulate`,
        { outcome: 'succeed' },
        customer.accessToken,
      );
      expect(simulated.statusCode, simulated.body).toBe(200);
      await waitFor(async () => expect((await booking(made.id)).paymentStatus).toBe('PAID'));
      const cancelled = await api.call(
        'POST',
        `/api/bookings/${made.id}/cancel`,
        { reason: 'plans changed' },
        customer.accessToken,
      );
      expect(cancelled.statusCode, cancelled.body).toBe(200);
    }
    const refundedEarly = await waitFor(async () => {
      const payment = await paymentOf(early.id);
      expect(payment.status).toBe('REFUNDED');
      return payment;
    });
    expect(refundedEarly.refundedAmount).toBe('40.00');
    const refundedLate = await waitFor(async () => {
      const payment = await paymentOf(late.id);
      expect(payment.status).toBe('PARTIALLY_REFUNDED');
      return payment;
    });
    expect(refundedLate.refundedAmount).toBe('20.00');
    await waitFor(async () => {
      expect((await booking(early.id)).paymentStatus).toBe('REFUNDED');
      expect((await booking(late.id)).paymentStatus).toBe('PARTIALLY_REFUNDED');
    });
  });

  it('a chair put in maintenance under the business’s CANCEL policy: its upcoming bookings cancelled and refunded', async () => {
    const chair = await createResource(api, vendor.accessToken, {
      name: 'Chair 2',
      type: 'SALON_CHAIR',
      price: '40.00',
      currency: 'EUR',
      priceUnit: 'PER_BOOKING',
      bookingRules: { autoConfirm: true },
    });
    const pay = async (made: Booking) => {
      const payment = await paymentOf(made.id);
      await api.call(
        'POST',
        `/api/payments/${payment.id}/simulate`,
        { outcome: 'succeed' },
        customer.accessToken,
      );
      await waitFor(async () => expect((await booking(made.id)).paymentStatus).toBe('PAID'));
    };
    const setStatus = async (status: string) => {
      const response = await api.call(
        'PATCH',
        `/api/resources/${chair}/status`,
        { status },
        vendor.accessToken,
      );
      expect(response.statusCode, response.body).toBe(200);
    };
    // (KEEP, the default, is tested in booking's component tests: nothing to wait for here.)
    const kept = await book(130, chair);
    await pay(kept);
    const policy = await api.call(
      'PATCH',
      `/api/businesses/${businessId}`,
      { maintenancePolicy: 'CANCEL' },
      vendor.accessToken,
    );
    expect(policy.statusCode, policy.body).toBe(200);
    // The resource service learns the new policy from the business's event.
    await waitFor(async () => {
      await setStatus('MAINTENANCE');
      const now = await booking(kept.id);
      if (now.status !== 'CANCELLED') await setStatus('ACTIVE');
      expect(now.status).toBe('CANCELLED');
    });
    const cancelled = await waitFor(async () => {
      const now = await booking(kept.id);
      expect(now.paymentStatus).toBe('REFUNDED');
      return now;
    });
    expect(cancelled.cancelReason).toBe('RESOURCE_MAINTENANCE');
  });

  it('a suspended business’s upcoming bookings are cancelled by the platform and refunded in full', async () => {
    const made = await book(150);
    const payment = await paymentOf(made.id);
    await api.call(
      'POST',
      `/api/payments/${payment.id}/simulate`,
      { outcome: 'succeed' },
      customer.accessToken,
    );
    await waitFor(async () => expect((await booking(made.id)).paymentStatus).toBe('PAID'));
    const suspended = await api.call(
      'PATCH',
      `/api/businesses/${businessId}/status`,
      { status: 'SUSPENDED' },
      admin.accessToken,
    );
    expect(suspended.statusCode, suspended.body).toBe(200);
    const cancelled = await waitFor(
      async () => {
        const now = await booking(made.id);
        expect(now.status).toBe('CANCELLED');
        expect(now.paymentStatus).toBe('REFUNDED');
        return now;
      },
      { timeoutMs: 15_000 },
    );
    expect(cancelled.cancelReason).toBe('BUSINESS_SUSPENDED');
    expect((await paymentOf(made.id)).refundedAmount).toBe('40.00');
  });

  it('POSTPAY: a completed booking asks for payment (the link mailed), and paying makes it PAID', async () => {
    const owner = await api.signUp('postpay@example.com', 'VENDOR');
    const made = await api.call(
      'POST',
      '/api/businesses',
      { name: 'Pay After Clinic', type: 'CLINIC', paymentMode: 'POSTPAY' },
      owner.accessToken,
    );
    expect(made.statusCode, made.body).toBe(201);
    const clinicId = data<{ id: string }>(made).id;
    await api.call('PATCH', `/api/businesses/${clinicId}/verify`, undefined, admin.accessToken);
    const room = await createResource(api, owner.accessToken, {
      name: 'Room A',
      type: 'DOCTOR_SLOT',
      price: '75.00',
      currency: 'EUR',
      priceUnit: 'PER_BOOKING',
      bookingRules: { autoConfirm: true },
    });
    const visit = await book(200, room);
    expect(visit).toMatchObject({ status: 'CONFIRMED', paymentStatus: 'NOT_REQUIRED' });
    await platform.startedAgo(visit.id, 30);
    for (const action of ['check-in', 'complete']) {
      const response = await api.call(
        'POST',
        `/api/bookings/${visit.id}/${action}`,
        undefined,
        owner.accessToken,
      );
      expect(response.statusCode, response.body).toBe(200);
    }
    const payment = await paymentOf(visit.id);
    expect(payment).toMatchObject({ status: 'PENDING', amount: '75.00' });
    await waitFor(async () => expect((await booking(visit.id)).paymentStatus).toBe('PENDING'));
    const link = await platform.smtp.waitFor('payer@example.com', {
      subject: /75\.00 EUR/,
    });
    expect(link.text).toContain(new URL(payment.checkoutUrl).pathname);
    await onCheckoutPage(payment, 'pay');
    await waitFor(async () => {
      const now = await booking(visit.id);
      expect(now).toMatchObject({ status: 'COMPLETED', paymentStatus: 'PAID' });
    });
  });

  it('a suspended customer’s upcoming bookings are cancelled by the platform (USER_SUSPENDED)', async () => {
    const leaving = await api.signUp('leaving@example.com');
    // The salon is suspended by now (above): the POSTPAY clinic's room takes the booking.
    const rooms = data<{ id: string }[]>(
      await api.call('GET', '/api/resources?search=Room%20A', undefined, leaving.accessToken),
    );
    const made = await api.call(
      'POST',
      '/api/bookings',
      { resourceId: rooms[0]!.id, ...slot(300) },
      leaving.accessToken,
    );
    expect(made.statusCode, made.body).toBe(201);
    const target = data<Booking>(made);
    const suspended = await api.call(
      'PATCH',
      `/api/auth/users/${leaving.user.id}/status`,
      { status: 'SUSPENDED' },
      admin.accessToken,
    );
    expect(suspended.statusCode, suspended.body).toBe(200);
    const cancelled = await waitFor(async () => {
      const now = data<Booking>(
        await api.call('GET', `/api/bookings/${target.id}`, undefined, admin.accessToken),
      );
      expect(now.status).toBe('CANCELLED');
      return now;
    });
    expect(cancelled.cancelReason).toBe('USER_SUSPENDED');
  });

  it('serves /api/payments through the gateway and documents it in the merged OpenAPI, every $ref resolving', async () => {
    const anonymous = await api.call('GET', '/api/payments');
    expect(anonymous.statusCode).toBe(401);
    const document = (await api.call('GET', '/api/docs/openapi.json')).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/payments', '/api/payments/{id}/refund']),
    );
    // Every $ref of the merged document points at something in it (components.schemas).
    const refs = new Set<string>();
    const walk = (value: unknown): void => {
      if (!value || typeof value !== 'object') return;
      for (const [key, item] of Object.entries(value)) {
        if (key === '$ref' && typeof item === 'string') refs.add(item);
        else walk(item);
      }
    };
    walk(document);
    const resolve = (ref: string): unknown =>
      ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>(
          (at, part) => (at as Record<string, unknown> | undefined)?.[part],
          document,
        );
    expect(refs.size).toBeGreaterThan(0);
    expect([...refs].filter((ref) => resolve(ref) === undefined)).toEqual([]);
  });
});
