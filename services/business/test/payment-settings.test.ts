import { businessUpdatedData, versionedBusiness } from '@slotwise/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBusiness, type BusinessHarness, type BusinessJson, type Person } from './harness.js';

const DEFAULTS = {
  paymentMode: 'NONE',
  cancellationPolicy: { freeCancellationHours: 24, lateRefundPercent: 0 },
  maintenancePolicy: 'KEEP',
};
const CUSTOM = {
  paymentMode: 'PREPAY',
  cancellationPolicy: { freeCancellationHours: 48, lateRefundPercent: 50 },
  maintenancePolicy: 'CANCEL',
};

describe('payment settings: paymentMode, cancellationPolicy, maintenancePolicy', () => {
  let h: BusinessHarness;
  let admin: Person;
  beforeAll(async () => {
    h = await startBusiness();
    admin = await h.person('ADMIN');
  });
  afterAll(async () => {
    await h.close();
  });

  const patch = (id: string, who: Person, body: unknown) =>
    h.call('PATCH', `/api/businesses/${id}`, who, body);
  const dataOf = (response: { json<T>(): T }): BusinessJson =>
    response.json<{ data: BusinessJson }>().data;
  /** The settings as every event carries them, read raw: a parse would fill in the defaults. */
  const settingsIn = (data: Record<string, unknown> | undefined) => ({
    paymentMode: data?.paymentMode,
    cancellationPolicy: data?.cancellationPolicy,
    maintenancePolicy: data?.maintenancePolicy,
  });
  const internal = async (id: string) => {
    const response = await h.call('GET', `/internal/businesses/${id}`, await h.serviceToken());
    return versionedBusiness.parse(response.json<{ data: unknown }>().data);
  };

  it('defaults to NONE, 24 hours / 0 percent and KEEP: response, row, event and internal answer', async () => {
    const business = await h.createBusiness(await h.person('VENDOR'));
    expect(business).toMatchObject(DEFAULTS);
    expect(await h.row(business.id)).toMatchObject({
      payment_mode: 'NONE',
      free_cancellation_hours: 24,
      late_refund_percent: 0,
      maintenance_policy: 'KEEP',
    });
    const [created] = await h.events(business.id);
    expect(settingsIn(created?.payload.data)).toEqual(DEFAULTS);
    expect(await internal(business.id)).toMatchObject(DEFAULTS);
  });

  it('takes them on create and shows them on every read', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner, CUSTOM, { verifiedBy: admin });
    expect(business).toMatchObject(CUSTOM);
    expect(await h.row(business.id)).toMatchObject({
      payment_mode: 'PREPAY',
      free_cancellation_hours: 48,
      late_refund_percent: 50,
      maintenance_policy: 'CANCEL',
    });
    for (const [path, who] of [
      [`/api/businesses/${business.id}`, undefined],
      ['/api/businesses/me', owner],
    ] as const) {
      expect(dataOf(await h.call('GET', path, who)), path).toMatchObject(CUSTOM);
    }
    const list = await h.call('GET', '/api/businesses?limit=100');
    const listed = list.json<{ data: BusinessJson[] }>().data.find((b) => b.id === business.id);
    expect(listed).toMatchObject(CUSTOM);
    // Every event carries them: created, then verified.
    const events = await h.events(business.id);
    expect(events.map((e) => e.type)).toEqual(['business.created', 'business.verified']);
    for (const event of events) expect(settingsIn(event.payload.data), event.type).toEqual(CUSTOM);
    expect(await internal(business.id)).toMatchObject({ ...CUSTOM, version: 2 });
  });

  it('fills the keys a cancellation policy leaves out with their defaults', async () => {
    const business = await h.createBusiness(await h.person('VENDOR'), {
      cancellationPolicy: { lateRefundPercent: 30 },
    });
    expect(business.cancellationPolicy).toEqual({
      freeCancellationHours: 24,
      lateRefundPercent: 30,
    });
  });

  it('is patched by the owner, with a new version and a business.updated event carrying it', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner);
    const response = await patch(business.id, owner, CUSTOM);
    expect(response.statusCode, response.body).toBe(200);
    expect(dataOf(response)).toMatchObject(CUSTOM);
    expect(await h.row(business.id)).toMatchObject({
      payment_mode: 'PREPAY',
      free_cancellation_hours: 48,
      late_refund_percent: 50,
      maintenance_policy: 'CANCEL',
      version: 2,
    });
    const events = await h.events(business.id);
    expect(events.map((e) => [e.type, e.version])).toEqual([
      ['business.created', 1],
      ['business.updated', 2],
    ]);
    expect(settingsIn(events[1]?.payload.data)).toEqual(CUSTOM);
    expect(businessUpdatedData.parse(events[1]?.payload.data).changedBy).toBe(owner.id);
    expect(await internal(business.id)).toMatchObject({ ...CUSTOM, version: 2 });
  });

  it('changes one setting at a time and leaves the others as they were', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner, CUSTOM);
    const response = await patch(business.id, owner, { paymentMode: 'POSTPAY' });
    expect(dataOf(response)).toMatchObject({ ...CUSTOM, paymentMode: 'POSTPAY' });
    const again = await patch(business.id, owner, { maintenancePolicy: 'KEEP' });
    expect(dataOf(again)).toMatchObject({
      ...CUSTOM,
      paymentMode: 'POSTPAY',
      maintenancePolicy: 'KEEP',
    });
  });

  it('replaces the cancellation policy whole: keys left out go back to their defaults', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner, CUSTOM);
    const partial = await patch(business.id, owner, {
      cancellationPolicy: { lateRefundPercent: 10 },
    });
    expect(dataOf(partial).cancellationPolicy).toEqual({
      freeCancellationHours: 24,
      lateRefundPercent: 10,
    });
    const empty = await patch(business.id, owner, { cancellationPolicy: {} });
    expect(dataOf(empty).cancellationPolicy).toEqual(DEFAULTS.cancellationPolicy);
    expect(await h.row(business.id)).toMatchObject({
      free_cancellation_hours: 24,
      late_refund_percent: 0,
      version: 3,
    });
  });

  it('announces nothing when the settings sent are the ones stored, keys in any order', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner, CUSTOM);
    const response = await patch(business.id, owner, {
      maintenancePolicy: 'CANCEL',
      cancellationPolicy: { lateRefundPercent: 50, freeCancellationHours: 48 },
      paymentMode: 'PREPAY',
    });
    expect(response.statusCode).toBe(200);
    expect((await h.row(business.id))?.version).toBe(1);
    expect(await h.events(business.id)).toHaveLength(1);
  });

  it('takes the bounds: 0 and 8760 hours, 0 and 100 percent', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner, {
      cancellationPolicy: { freeCancellationHours: 8_760, lateRefundPercent: 100 },
    });
    expect(business.cancellationPolicy).toEqual({
      freeCancellationHours: 8_760,
      lateRefundPercent: 100,
    });
    const response = await patch(business.id, owner, {
      cancellationPolicy: { freeCancellationHours: 0, lateRefundPercent: 0 },
    });
    expect(dataOf(response).cancellationPolicy).toEqual({
      freeCancellationHours: 0,
      lateRefundPercent: 0,
    });
  });

  it('lets an admin change them on any business, a suspended one included', async () => {
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner, {}, { verifiedBy: admin });
    await h.call('PATCH', `/api/businesses/${business.id}/status`, admin, { status: 'SUSPENDED' });
    const response = await patch(business.id, admin, CUSTOM);
    expect(response.statusCode, response.body).toBe(200);
    expect(dataOf(response)).toMatchObject(CUSTOM);
    const last = (await h.events(business.id)).at(-1);
    expect(last?.type).toBe('business.updated');
    expect(businessUpdatedData.parse(last?.payload.data).changedBy).toBe(admin.id);
  });

  it('documents the settings, and that the cancellation policy is replaced whole, in OpenAPI', async () => {
    const document = (await h.call('GET', '/openapi.json')).json<{
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    }>();
    type Schema = { properties: Record<string, { description?: string; enum?: string[] }> };
    const body = (method: 'post' | 'patch', path: string): Schema =>
      (
        document.paths[path]?.[method]?.requestBody as {
          content: { 'application/json': { schema: Schema } };
        }
      ).content['application/json'].schema;
    for (const [method, path] of [
      ['post', '/api/businesses'],
      ['patch', '/api/businesses/{id}'],
    ] as const) {
      const { properties } = body(method, path);
      expect(properties.paymentMode?.enum, path).toEqual(['NONE', 'PREPAY', 'POSTPAY']);
      expect(properties.maintenancePolicy?.enum, path).toEqual(['CANCEL', 'KEEP']);
      expect(properties.cancellationPolicy?.description, path).toMatch(/replaced whole/);
    }
  });

  it('is held to its bounds and values by the database too', async () => {
    const business = await h.createBusiness(await h.person('VENDOR'));
    for (const [column, value, constraint] of [
      ['free_cancellation_hours', '8761', /businesses_free_cancellation_hours_range/],
      ['free_cancellation_hours', '-1', /businesses_free_cancellation_hours_range/],
      ['late_refund_percent', '101', /businesses_late_refund_percent_range/],
      ['payment_mode', "'CASH'", /PaymentMode/],
      ['maintenance_policy', "'DROP'", /MaintenancePolicy/],
    ] as const) {
      await expect(
        h.container.pool.query(`UPDATE businesses SET ${column} = ${value} WHERE id = $1`, [
          business.id,
        ]),
        column,
      ).rejects.toThrow(constraint);
    }
  });
});
