import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorOf,
  startPayment,
  type PaymentHarness,
  type PaymentJson,
  type Person,
} from './harness.js';

describe('who may see and do what with a payment', () => {
  let h: PaymentHarness;
  let admin: Person;
  let customer: Person;
  let otherCustomer: Person;
  let vendor: Person;
  let otherVendor: Person;
  let payment: PaymentJson;
  let paid: PaymentJson;

  beforeAll(async () => {
    h = await startPayment();
    admin = await h.person('ADMIN');
    customer = await h.person('CUSTOMER');
    otherCustomer = await h.person('CUSTOMER');
    vendor = await h.person('VENDOR');
    otherVendor = await h.person('VENDOR');
    payment = await h.createPayment(customer, vendor);
    paid = await h.simulate(await h.createPayment(customer, vendor), customer);
    // Someone else's, so that lists have something to leave out.
    await h.createPayment(otherCustomer, otherVendor);
  });
  afterAll(async () => {
    await h.close();
  });

  describe('GET /api/payments/:id', () => {
    it('shows the payment to its customer, its business’s owner and admins, as the contract says', async () => {
      for (const who of [customer, vendor, admin]) {
        const response = await h.call('GET', `/api/payments/${payment.id}`, who);
        expect(response.statusCode, who.role).toBe(200);
        const data = response.json<{ data: PaymentJson }>().data;
        expect(data).toMatchObject({
          id: payment.id,
          bookingId: payment.bookingId,
          userId: customer.id,
          amount: '150.00',
          currency: 'USD',
          status: 'PENDING',
          refundedAmount: '0.00',
          provider: 'simulated',
        });
        expect(data.checkoutUrl).toMatch(
          /^http:\/\/gateway\.test\/api\/payments\/checkout\/sim_cs_/,
        );
        expect(data.attempts).toEqual([
          { at: expect.any(String), outcome: 'CHECKOUT_CREATED', error: null },
        ]);
        expect(Object.keys(data)).toEqual(
          expect.arrayContaining(['createdAt', 'updatedAt', 'businessId']),
        );
      }
    });

    it('is a 404 to another customer and another vendor, a 401 without a token', async () => {
      for (const who of [otherCustomer, otherVendor]) {
        const response = await h.call('GET', `/api/payments/${payment.id}`, who);
        expect(response.statusCode, who.role).toBe(404);
        expect(errorOf(response).code).toBe('NOT_FOUND');
      }
      const anonymous = await h.call('GET', `/api/payments/${payment.id}`);
      expect(anonymous.statusCode).toBe(401);
      expect(errorOf(anonymous).code).toBe('UNAUTHENTICATED');
      const badToken = await h.call('GET', `/api/payments/${payment.id}`, 'not-a-token');
      expect(badToken.statusCode).toBe(401);
    });

    it('refuses service tokens (403), malformed ids (400) and unknown ids (404)', async () => {
      const service = await h.call('GET', `/api/payments/${payment.id}`, await h.serviceToken());
      expect(service.statusCode).toBe(403);
      const malformed = await h.call('GET', '/api/payments/not-a-uuid', admin);
      expect(malformed.statusCode).toBe(400);
      expect(errorOf(malformed).code).toBe('VALIDATION_ERROR');
      const unknown = await h.call('GET', `/api/payments/${randomUUID()}`, admin);
      expect(unknown.statusCode).toBe(404);
    });
  });

  describe('GET /api/payments', () => {
    const ids = (response: { json: <T>() => T }) =>
      response.json<{ data: PaymentJson[] }>().data.map((p) => p.id);

    it('lists a customer’s own, a vendor’s business’s, and everything for admins', async () => {
      const mine = await h.call('GET', '/api/payments', customer);
      expect(mine.statusCode).toBe(200);
      expect(ids(mine).sort()).toEqual([payment.id, paid.id].sort());
      expect(mine.json<{ meta: unknown }>().meta).toEqual({ page: 1, limit: 20, total: 2 });
      expect(ids(await h.call('GET', '/api/payments', vendor)).sort()).toEqual(
        [payment.id, paid.id].sort(),
      );
      expect(ids(await h.call('GET', '/api/payments', otherCustomer))).toHaveLength(1);
      expect(ids(await h.call('GET', '/api/payments', admin)).length).toBeGreaterThanOrEqual(3);
    });

    it('filters by booking and status, and pages', async () => {
      const byBooking = await h.call('GET', `/api/payments?bookingId=${paid.bookingId}`, customer);
      expect(ids(byBooking)).toEqual([paid.id]);
      const byStatus = await h.call('GET', '/api/payments?status=SUCCEEDED', vendor);
      expect(ids(byStatus)).toEqual([paid.id]);
      const page = await h.call('GET', '/api/payments?limit=1&page=2', customer);
      expect(ids(page)).toHaveLength(1);
      expect(page.json<{ meta: unknown }>().meta).toEqual({ page: 2, limit: 1, total: 2 });
      // Another's booking id shows nothing rather than someone else's payment.
      const foreign = await h.call(
        'GET',
        `/api/payments?bookingId=${paid.bookingId}`,
        otherCustomer,
      );
      expect(ids(foreign)).toEqual([]);
    });

    it('refuses bad filters, unknown parameters, anonymous callers and services', async () => {
      for (const query of [
        'bookingId=x',
        'status=PAID',
        'limit=101',
        'page=0',
        'userId=' + customer.id,
      ]) {
        const response = await h.call('GET', `/api/payments?${query}`, admin);
        expect(response.statusCode, query).toBe(400);
        expect(errorOf(response).code).toBe('VALIDATION_ERROR');
      }
      expect((await h.call('GET', '/api/payments')).statusCode).toBe(401);
      expect((await h.call('GET', '/api/payments', await h.serviceToken())).statusCode).toBe(403);
    });
  });

  describe('commands', () => {
    it('retry: the customer and admins; the vendor may see but not retry (403); others 404', async () => {
      const failed = await h.simulate(await h.createPayment(customer, vendor), customer, 'decline');
      expect((await h.call('POST', `/api/payments/${failed.id}/retry`, vendor)).statusCode).toBe(
        403,
      );
      for (const who of [otherCustomer, otherVendor]) {
        expect((await h.call('POST', `/api/payments/${failed.id}/retry`, who)).statusCode).toBe(
          404,
        );
      }
      expect((await h.call('POST', `/api/payments/${failed.id}/retry`)).statusCode).toBe(401);
      const byAdmin = await h.call('POST', `/api/payments/${failed.id}/retry`, admin);
      expect(byAdmin.statusCode).toBe(202);
      expect((await h.read(failed, customer)).status).toBe('PENDING');
    });

    it('refund: the owner and admins; the customer may see but not refund (403); others 404', async () => {
      const body = { amount: '1.00', reason: 'goodwill' };
      const forbidden = await h.call('POST', `/api/payments/${paid.id}/refund`, customer, body);
      expect(forbidden.statusCode).toBe(403);
      expect(errorOf(forbidden).code).toBe('FORBIDDEN');
      for (const who of [otherCustomer, otherVendor]) {
        const hidden = await h.call('POST', `/api/payments/${paid.id}/refund`, who, body);
        expect(hidden.statusCode, who.role).toBe(404);
      }
      expect(
        (await h.call('POST', `/api/payments/${paid.id}/refund`, undefined, body)).statusCode,
      ).toBe(401);
      expect((await h.read(paid, customer)).refundedAmount).toBe('0.00');
      for (const who of [vendor, admin]) {
        const response = await h.call('POST', `/api/payments/${paid.id}/refund`, who, body);
        expect(response.statusCode, who.role).toBe(200);
      }
      expect((await h.read(paid, customer)).refundedAmount).toBe('2.00');
    });

    it('simulate: the payment’s customer only (vendor and admin 403, others 404)', async () => {
      const pending = await h.createPayment(customer, vendor);
      const body = { outcome: 'succeed' };
      for (const who of [vendor, admin]) {
        expect(
          (await h.call('POST', `/api/payments/${pending.id}/simulate`, who, body)).statusCode,
        ).toBe(403);
      }
      for (const who of [otherCustomer, otherVendor]) {
        expect(
          (await h.call('POST', `/api/payments/${pending.id}/simulate`, who, body)).statusCode,
        ).toBe(404);
      }
      expect(
        (await h.call('POST', `/api/payments/${pending.id}/simulate`, undefined, body)).statusCode,
      ).toBe(401);
      expect((await h.read(pending, customer)).status).toBe('PENDING');
    });

    it('refuses bad bodies with 400 naming the field: unknown fields, wrong types, bad money', async () => {
      const bad: [string, unknown, string][] = [
        [`/api/payments/${paid.id}/refund`, { reason: 'x', status: 'REFUNDED' }, 'body.status'],
        [`/api/payments/${paid.id}/refund`, { amount: 1, reason: 'x' }, 'body.amount'],
        [`/api/payments/${paid.id}/refund`, { amount: '1.5', reason: 'x' }, 'body.amount'],
        [`/api/payments/${paid.id}/refund`, { amount: '0.00', reason: 'x' }, 'body.amount'],
        [`/api/payments/${paid.id}/refund`, { amount: '-1.00', reason: 'x' }, 'body.amount'],
        [`/api/payments/${paid.id}/refund`, { amount: '1.00' }, 'body.reason'],
        [`/api/payments/${paid.id}/refund`, { amount: '1.00', reason: ' ' }, 'body.reason'],
        [`/api/payments/${payment.id}/simulate`, { outcome: 'steal' }, 'body.outcome'],
        [
          `/api/payments/${payment.id}/simulate`,
          { outcome: 'succeed', amount: '0.01' },
          'body.amount',
        ],
        [`/api/payments/${payment.id}/retry`, { checkoutUrl: 'http://evil' }, 'body.checkoutUrl'],
      ];
      for (const [url, body, field] of bad) {
        const response = await h.call('POST', url, admin, body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(errorOf(response).details?.fields?.map((f) => f.field)).toContain(field);
      }
      const malformed = await h.call('POST', '/api/payments/x/refund', admin, { reason: 'x' });
      expect(malformed.statusCode).toBe(400);
      const notJson = await h.app.inject({
        method: 'POST',
        url: `/api/payments/${paid.id}/refund`,
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/plain' },
        payload: 'reason=x',
      });
      expect(notJson.statusCode).toBe(415);
    });
  });
});
