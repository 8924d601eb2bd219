import { createEvent } from '@slotwise/platform/events';
import { createLogger } from '@slotwise/platform/logger';
import { EventTypes } from '@slotwise/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingConsumer } from '../src/events/booking-consumer.js';
import { startBooking, type BookingHarness } from './harness.js';

const hourFromNow = (hours: number) =>
  new Date((Math.ceil(Date.now() / 3_600_000) + hours) * 3_600_000).toISOString();

describe('availability reads a cached snapshot that a resource’s or business’s event drops', () => {
  let h: BookingHarness;
  beforeAll(async () => {
    h = await startBooking({ AVAILABILITY_CACHE_TTL_MS: '3600000' });
  });
  afterAll(async () => {
    await h.close();
  });

  const freeSlots = async (resourceId: string): Promise<number> => {
    const response = await h.app.inject({
      method: 'GET',
      url: `/api/bookings/availability?resourceId=${resourceId}&from=${hourFromNow(24)}&to=${hourFromNow(48)}&slotMinutes=60`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ data: { free: unknown[] } }>().data.free.length;
  };
  const deliver = (type: string, data: Record<string, unknown>) =>
    bookingConsumer({
      payments: h.container.payments,
      cancellations: h.container.cancellations,
      catalog: h.container.catalog,
    }).handle(createEvent({ type, aggregateId: crypto.randomUUID(), version: 2, data }), {
      attempt: 1,
      logger: createLogger({ service: 'booking-test', level: 'silent' }),
    });

  it('keeps answering from the snapshot until resource.status_changed says otherwise', async () => {
    const resource = h.addResource();
    expect(await freeSlots(resource.id)).toBe(24);
    const calls = h.resources.calls;
    h.resources.resources.set(resource.id, { ...resource, status: 'INACTIVE' });
    // Cached: no second call, the same answer.
    expect(await freeSlots(resource.id)).toBe(24);
    expect(h.resources.calls).toBe(calls);
    await deliver(EventTypes.resourceStatusChanged, {
      id: resource.id,
      businessId: resource.business.id,
      name: resource.name,
      type: resource.type,
      status: 'INACTIVE',
      categoryId: null,
      price: resource.price,
      currency: resource.currency,
      priceUnit: resource.priceUnit,
    });
    expect(await freeSlots(resource.id)).toBe(0);
  });

  it('drops every snapshot of a business on its business.updated', async () => {
    const resource = h.addResource();
    expect(await freeSlots(resource.id)).toBe(24);
    h.resources.resources.set(resource.id, {
      ...resource,
      business: { ...resource.business, status: 'SUSPENDED' },
    });
    expect(await freeSlots(resource.id)).toBe(24);
    await deliver(EventTypes.businessUpdated, { ...resource.business, status: 'SUSPENDED' });
    expect(await freeSlots(resource.id)).toBe(0);
  });

  it('a resource put in MAINTENANCE keeps its upcoming bookings under KEEP and cancels them under CANCEL', async () => {
    const resource = h.addResource();
    const token = await h.tokenFor('CUSTOMER');
    const made = await h.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: { resourceId: resource.id, startTime: hourFromNow(30), endTime: hourFromNow(31) },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json<{ data: { id: string } }>().data.id;
    const status = async () =>
      (
        await h.container.pool.query<{ status: string; cancel_reason: string | null }>(
          'SELECT status, cancel_reason FROM bookings WHERE id = $1',
          [id],
        )
      ).rows[0];
    const maintenance = (maintenancePolicy: 'KEEP' | 'CANCEL') =>
      deliver(EventTypes.resourceStatusChanged, {
        id: resource.id,
        businessId: resource.business.id,
        name: resource.name,
        type: resource.type,
        status: 'MAINTENANCE',
        categoryId: null,
        price: resource.price,
        currency: resource.currency,
        priceUnit: resource.priceUnit,
        ownerId: resource.business.ownerId,
        maintenancePolicy,
      });
    await maintenance('KEEP');
    expect(await status()).toEqual({ status: 'PENDING', cancel_reason: null });
    await maintenance('CANCEL');
    expect(await status()).toEqual({ status: 'CANCELLED', cancel_reason: 'RESOURCE_MAINTENANCE' });
  });

  it('a booking never uses a snapshot older than RESOURCE_CACHE_TTL_MS (here 0: always fresh)', async () => {
    const resource = h.addResource();
    expect(await freeSlots(resource.id)).toBe(24);
    h.resources.resources.set(resource.id, { ...resource, status: 'INACTIVE' });
    const token = await h.tokenFor('CUSTOMER');
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: { resourceId: resource.id, startTime: hourFromNow(30), endTime: hourFromNow(31) },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(created.statusCode).toBe(422);
  });
});
