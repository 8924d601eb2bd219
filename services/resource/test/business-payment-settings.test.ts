import {
  categoryResources,
  resourceSnapshot,
  type BusinessSummary,
  type ResourceSnapshot,
} from '@slotwise/contracts';
import { createEvent } from '@slotwise/platform/events';
import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bookingHeaders,
  createCategory,
  createResource,
  startResource,
  type ResourceHarness,
} from './harness.js';

const DEFAULTS = {
  paymentMode: 'NONE',
  cancellationPolicy: { freeCancellationHours: 24, lateRefundPercent: 0 },
  maintenancePolicy: 'KEEP',
} as const;
const PREPAY = {
  paymentMode: 'PREPAY',
  cancellationPolicy: { freeCancellationHours: 48, lateRefundPercent: 25 },
  maintenancePolicy: 'CANCEL',
} as const;
const POSTPAY = {
  paymentMode: 'POSTPAY',
  cancellationPolicy: { freeCancellationHours: 0, lateRefundPercent: 100 },
  maintenancePolicy: 'KEEP',
} as const;

describe('a business’s payment settings, from its events to booking’s snapshot', () => {
  let h: ResourceHarness;
  let booking: Record<string, string>;
  beforeAll(async () => {
    h = await startResource();
    booking = await bookingHeaders(h);
  });
  afterAll(async () => {
    await h.close();
  });

  const snapshot = async (id: string): Promise<ResourceSnapshot> => {
    const response = await h.app.inject({
      method: 'GET',
      url: `/internal/resources/${id}`,
      headers: booking,
    });
    expect(response.statusCode).toBe(200);
    return resourceSnapshot.parse(response.json<{ data: unknown }>().data);
  };
  const settingsOf = (business: Partial<BusinessSummary>) => ({
    paymentMode: business.paymentMode,
    cancellationPolicy: business.cancellationPolicy,
    maintenancePolicy: business.maintenancePolicy,
  });
  const stored = async (id: string) =>
    (
      await h.sql(
        `SELECT payment_mode, free_cancellation_hours, late_refund_percent, maintenance_policy,
                version
           FROM businesses WHERE id = $1`,
        [id],
      )
    )[0];
  /** Publishes `data` as the business service would and waits until this service processed it. */
  const deliver = async (type: string, data: object, version: number, id: string) => {
    const event = createEvent({
      type,
      aggregateId: id,
      version,
      data: { changedBy: null, ...data },
    });
    await h.container.transport.publish([event]);
    await waitFor(async () =>
      expect(await h.sql('SELECT 1 FROM inbox WHERE event_id = $1', [event.id])).toHaveLength(1),
    );
  };

  it('hands booking the settings of the business service’s answer, in the one snapshot call', async () => {
    const vendor = await h.vendor(PREPAY);
    const resource = await createResource(h, vendor);
    const { business } = await snapshot(resource.id);
    expect(business).toEqual(vendor.business);
    expect(settingsOf(business)).toEqual(PREPAY);
    expect(await stored(vendor.business.id)).toMatchObject({
      payment_mode: 'PREPAY',
      free_cancellation_hours: 48,
      late_refund_percent: 25,
      maintenance_policy: 'CANCEL',
    });
  });

  it('takes new settings from a business.updated event, in snapshots and category lists alike', async () => {
    const vendor = await h.vendor();
    const category = await createCategory(h, vendor, 'Suites');
    const resource = await createResource(h, vendor, { categoryId: category.id });
    expect(settingsOf((await snapshot(resource.id)).business)).toEqual(DEFAULTS);

    await h.publishBusiness('business.updated', { ...vendor.business, ...POSTPAY }, 2);
    await waitFor(async () =>
      expect(settingsOf((await snapshot(resource.id)).business)).toEqual(POSTPAY),
    );
    const listed = await h.app.inject({
      method: 'GET',
      url: `/internal/categories/${category.id}/resources`,
      headers: booking,
    });
    const [unit] = categoryResources.parse(listed.json<{ data: unknown }>().data);
    expect(settingsOf(unit?.business ?? {})).toEqual(POSTPAY);
    expect(await stored(vendor.business.id)).toMatchObject({ version: 2 });
  });

  it('ignores settings in an event older than the business it holds', async () => {
    const vendor = await h.vendor();
    const resource = await createResource(h, vendor);
    await deliver('business.updated', { ...vendor.business, ...PREPAY }, 3, vendor.business.id);
    await deliver('business.updated', { ...vendor.business, ...POSTPAY }, 2, vendor.business.id);
    expect(settingsOf((await snapshot(resource.id)).business)).toEqual(PREPAY);
  });

  it('reads the defaults from an event published before the settings existed', async () => {
    const vendor = await h.vendor();
    const {
      paymentMode: _paymentMode,
      cancellationPolicy: _cancellationPolicy,
      maintenancePolicy: _maintenancePolicy,
      ...older
    } = vendor.business;
    await deliver('business.created', older, 1, older.id);
    expect(await stored(older.id)).toEqual({
      payment_mode: 'NONE',
      free_cancellation_hours: 24,
      late_refund_percent: 0,
      maintenance_policy: 'KEEP',
      version: 1,
    });

    const resource = await createResource(h, vendor);
    expect(settingsOf((await snapshot(resource.id)).business)).toEqual(DEFAULTS);

    // An old-style event newer than the row is applied (not dead-lettered): it means the defaults.
    await deliver('business.updated', { ...vendor.business, ...PREPAY }, 2, older.id);
    expect(settingsOf((await snapshot(resource.id)).business)).toEqual(PREPAY);
    await deliver('business.status_changed', { ...older, previousStatus: 'ACTIVE' }, 3, older.id);
    expect(await stored(older.id)).toMatchObject({ payment_mode: 'NONE', version: 3 });
    expect(settingsOf((await snapshot(resource.id)).business)).toEqual(DEFAULTS);
  });
});
