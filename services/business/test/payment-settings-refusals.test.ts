import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badFields,
  businessInput,
  errorOf,
  startBusiness,
  type BusinessHarness,
  type BusinessJson,
  type Person,
} from './harness.js';

const CHANGE = {
  paymentMode: 'PREPAY',
  cancellationPolicy: { freeCancellationHours: 1, lateRefundPercent: 100 },
  maintenancePolicy: 'CANCEL',
};
/** The row of a business nobody managed to change: the defaults, at version `version`. */
const untouched = (version: number) => ({
  payment_mode: 'NONE',
  free_cancellation_hours: 24,
  late_refund_percent: 0,
  maintenance_policy: 'KEEP',
  version,
});

describe('payment settings: what is refused', () => {
  let h: BusinessHarness;
  let admin: Person;
  beforeAll(async () => {
    h = await startBusiness();
    admin = await h.person('ADMIN');
  });
  afterAll(async () => {
    await h.close();
  });

  const patch = (id: string, who: Person | string | undefined, body: unknown) =>
    h.call('PATCH', `/api/businesses/${id}`, who, body);

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an unknown payment mode', { paymentMode: 'CASH' }, ['body.paymentMode']],
    ['a payment mode in lower case', { paymentMode: 'prepay' }, ['body.paymentMode']],
    ['a null payment mode', { paymentMode: null }, ['body.paymentMode']],
    ['an unknown maintenance policy', { maintenancePolicy: 'DELETE' }, ['body.maintenancePolicy']],
    ['a null maintenance policy', { maintenancePolicy: null }, ['body.maintenancePolicy']],
    ['a null cancellation policy', { cancellationPolicy: null }, ['body.cancellationPolicy']],
    [
      'a cancellation policy that is a list',
      { cancellationPolicy: [24, 0] },
      ['body.cancellationPolicy'],
    ],
    [
      'a cancellation policy that is a number',
      { cancellationPolicy: 24 },
      ['body.cancellationPolicy'],
    ],
    ...[-1, 8_761, 1.5, '24', null].map((value): [string, Record<string, unknown>, string[]] => [
      `freeCancellationHours ${JSON.stringify(value)}`,
      { cancellationPolicy: { freeCancellationHours: value } },
      ['body.cancellationPolicy.freeCancellationHours'],
    ]),
    ...[-1, 101, 50.5, '50', null].map((value): [string, Record<string, unknown>, string[]] => [
      `lateRefundPercent ${JSON.stringify(value)}`,
      { cancellationPolicy: { lateRefundPercent: value } },
      ['body.cancellationPolicy.lateRefundPercent'],
    ]),
    [
      'an unknown key in the cancellation policy',
      { cancellationPolicy: { freeCancellationHours: 24, refundPercent: 10 } },
      ['body.cancellationPolicy.refundPercent'],
    ],
    [
      'every bad field at once',
      {
        paymentMode: 'FREE',
        maintenancePolicy: 'keep',
        cancellationPolicy: { freeCancellationHours: 9_000, lateRefundPercent: -5 },
      },
      [
        'body.cancellationPolicy.freeCancellationHours',
        'body.cancellationPolicy.lateRefundPercent',
        'body.maintenancePolicy',
        'body.paymentMode',
      ],
    ],
  ])(
    'refuses %s with 400 on create and on PATCH, changing nothing',
    async (_label, body, fields) => {
      const vendor = await h.person('VENDOR');
      const created = await h.call('POST', '/api/businesses', vendor, businessInput(body));
      expect(created.statusCode, created.body).toBe(400);
      expect(errorOf(created).code).toBe('VALIDATION_ERROR');
      expect(badFields(created).sort()).toEqual(fields);
      expect((await h.call('GET', '/api/businesses/me', vendor)).statusCode).toBe(404);

      const business = await h.createBusiness(vendor);
      const patched = await patch(business.id, vendor, body);
      expect(patched.statusCode, patched.body).toBe(400);
      expect(errorOf(patched).code).toBe('VALIDATION_ERROR');
      expect(badFields(patched).sort()).toEqual(fields);
      expect(await h.row(business.id)).toMatchObject(untouched(1));
      expect(await h.events(business.id)).toHaveLength(1);
    },
  );

  it('refuses settings under other names or at the top level', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner);
    const response = await patch(business.id, owner, {
      name: 'Fine',
      paymentStatus: 'PAID',
      freeCancellationHours: 0,
      refundPolicy: { lateRefundPercent: 100 },
    });
    expect(response.statusCode).toBe(400);
    expect(badFields(response).sort()).toEqual([
      'body.freeCancellationHours',
      'body.paymentStatus',
      'body.refundPolicy',
    ]);
    expect(await h.row(business.id)).toMatchObject({ ...untouched(1), name: business.name });
  });

  describe('only the owner or an admin changes them', () => {
    let owner: Person;
    let business: BusinessJson;
    beforeAll(async () => {
      owner = await h.person('VENDOR');
      business = await h.createBusiness(owner, {}, { verifiedBy: admin });
    });

    /** Verified: version 2, two events. Nothing an intruder sends may move either. */
    const expectUntouched = async () => {
      expect(await h.row(business.id)).toMatchObject(untouched(2));
      expect(await h.events(business.id)).toHaveLength(2);
      const shown = await h.call('GET', `/api/businesses/${business.id}`);
      expect(shown.json<{ data: BusinessJson }>().data).toMatchObject({
        paymentMode: 'NONE',
        maintenancePolicy: 'KEEP',
      });
    };

    it('refuses another vendor (403 on a business it can see, 404 on one it cannot)', async () => {
      const intruder = await h.person('VENDOR');
      await h.createBusiness(intruder);
      const response = await patch(business.id, intruder, CHANGE);
      expect(response.statusCode).toBe(403);
      expect(errorOf(response).code).toBe('FORBIDDEN');
      await expectUntouched();

      const hidden = await h.createBusiness(await h.person('VENDOR'));
      const unseen = await patch(hidden.id, intruder, CHANGE);
      expect(unseen.statusCode).toBe(404);
      expect(await h.row(hidden.id)).toMatchObject(untouched(1));
    });

    it('refuses a customer (403), an anonymous caller (401) and a bad token (401)', async () => {
      const customer = await patch(business.id, await h.person('CUSTOMER'), CHANGE);
      expect(customer.statusCode).toBe(403);
      expect(errorOf(customer).code).toBe('FORBIDDEN');
      const anonymous = await patch(business.id, undefined, CHANGE);
      expect(anonymous.statusCode).toBe(401);
      expect(errorOf(anonymous).code).toBe('UNAUTHENTICATED');
      const forged = await patch(business.id, 'not-a-token', CHANGE);
      expect(forged.statusCode).toBe(401);
      await expectUntouched();
    });

    it('refuses a service token on the public route (its audience is not the API’s: 401)', async () => {
      const response = await patch(business.id, await h.serviceToken(), CHANGE);
      expect(response.statusCode).toBe(401);
      expect(errorOf(response).code).toBe('UNAUTHENTICATED');
      await expectUntouched();
    });

    it('refuses them through the other routes: status and schedule take no settings', async () => {
      for (const [method, path, body] of [
        ['PATCH', `/api/businesses/${business.id}/status`, { status: 'ACTIVE', ...CHANGE }],
        ['PUT', `/api/businesses/${business.id}/schedule`, { weekly: null, ...CHANGE }],
      ] as const) {
        const response = await h.call(method, path, owner, body);
        expect(response.statusCode, path).toBe(400);
        expect(badFields(response).sort(), path).toEqual([
          'body.cancellationPolicy',
          'body.maintenancePolicy',
          'body.paymentMode',
        ]);
      }
      await expectUntouched();
    });

    it('refuses the owner of a suspended business (403); an admin still may', async () => {
      const suspendedOwner = await h.person('VENDOR');
      const suspended = await h.createBusiness(suspendedOwner, {}, { verifiedBy: admin });
      await h.call('PATCH', `/api/businesses/${suspended.id}/status`, admin, {
        status: 'SUSPENDED',
      });
      const refused = await patch(suspended.id, suspendedOwner, CHANGE);
      expect(refused.statusCode).toBe(403);
      expect(await h.row(suspended.id)).toMatchObject({ payment_mode: 'NONE' });
      const allowed = await patch(suspended.id, admin, CHANGE);
      expect(allowed.statusCode).toBe(200);
      expect(await h.row(suspended.id)).toMatchObject({ payment_mode: 'PREPAY' });
    });
  });
});
