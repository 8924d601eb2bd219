import {
  EventTypes,
  PAYMENT_FAILED_CANCEL_REASON,
  PlatformCancelReasons,
  type BookingEventData,
} from '@slotwise/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BERLIN_RANGE, drain, icsOf, knownUser, type KnownUser } from './booking-parties.js';
import { buildBookingData, buildBookingEvent } from './factories.js';
import { startHarness, type Harness } from './harness.js';

/** 16:00 Berlin time the day before the booking of 15:00 on Saturday 24 October 2026. */
const DAY_BEFORE = new Date('2026-10-23T14:00:00.000Z');

describe('booking reminders and platform cancellations', () => {
  let harness: Harness;
  let customer: KnownUser;
  let vendor: KnownUser;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness.close();
  });

  async function parties(): Promise<void> {
    customer = await knownUser(harness, 'CUSTOMER', 'Grace');
    vendor = await knownUser(harness, 'VENDOR', 'Ada');
  }

  function booking(overrides: Partial<BookingEventData> = {}): BookingEventData {
    return buildBookingData({ userId: customer.userId, vendorId: vendor.userId, ...overrides });
  }

  it('reminds the customer the day before, on the business’s clock, once however often it is delivered', async () => {
    await parties();
    const data = booking({ status: 'CONFIRMED', previousStatus: 'CONFIRMED' });
    const event = buildBookingEvent(EventTypes.bookingReminderDue, data, 3, DAY_BEFORE);
    await harness.publish(event, event);
    await drain(harness, data.bookingId);
    await harness.publish(event);
    await drain(harness, data.bookingId);

    expect(harness.smtp.to(customer.email)).toHaveLength(1);
    const [mail] = harness.smtp.to(customer.email);
    expect(mail?.subject).toBe('Reminder: your booking at Harbour Hotel tomorrow at 15:00');
    expect(mail?.text).toContain('Hi Grace,');
    expect(mail?.text).toContain(
      'A reminder: your booking of Room 12 at Harbour Hotel starts tomorrow at 15:00.',
    );
    expect(mail?.text).toContain(`When: ${BERLIN_RANGE}`);
    expect(mail?.text).toContain('All times are local to Harbour Hotel (Europe/Berlin).');
    expect(harness.smtp.to(vendor.email)).toHaveLength(0);
    expect(await harness.notificationsFor(event.id)).toEqual([
      expect.objectContaining({
        template: 'booking.reminder',
        recipient: customer.email,
        status: 'SENT',
        attempts: 1,
      }),
    ]);
  });

  it('tells both parties in words why an unpaid booking was cancelled, without its code', async () => {
    await parties();
    const data = booking({
      status: 'CANCELLED',
      previousStatus: 'PENDING',
      paymentMode: 'PREPAY',
      paymentStatus: 'FAILED',
      cancelReason: PAYMENT_FAILED_CANCEL_REASON,
      cancelledBy: null,
    });
    const event = buildBookingEvent(EventTypes.bookingCancelled, data, 3);
    await harness.publish(event);

    const toCustomer = await harness.smtp.waitFor(customer.email);
    expect(toCustomer.subject).toBe('Booking cancelled: Room 12 on Saturday 24 October 2026');
    expect(toCustomer.text).toContain(
      'Your booking of Room 12 at Harbour Hotel has been cancelled because its payment did not go through.',
    );
    expect(toCustomer.text).toContain('The time is free again');
    const toVendor = await harness.smtp.waitFor(vendor.email);
    expect(toVendor.text).toContain(
      `The booking of Room 12 by Grace Hopper (${customer.username}) has been cancelled because the customer’s payment did not go through.`,
    );
    for (const mail of [toCustomer, toVendor]) {
      expect(mail.text).not.toContain(PAYMENT_FAILED_CANCEL_REASON);
      expect(mail.text).not.toContain('Reason given');
      // Nothing was paid, so nothing is refunded.
      expect(mail.text).not.toContain('refund');
    }
    await drain(harness, data.bookingId);
    expect(await harness.notificationsFor(event.id)).toEqual([
      expect.objectContaining({ template: 'booking.cancelled.customer', status: 'SENT' }),
      expect.objectContaining({ template: 'booking.cancelled.vendor', status: 'SENT' }),
    ]);
  });

  it('tells the customer of a paid booking cancelled for maintenance that it is refunded in full', async () => {
    await parties();
    const data = booking({
      status: 'CANCELLED',
      previousStatus: 'CONFIRMED',
      paymentMode: 'PREPAY',
      paymentStatus: 'PAID',
      cancelReason: PlatformCancelReasons.resourceMaintenance,
      cancelledBy: null,
    });
    await harness.publish(buildBookingEvent(EventTypes.bookingCancelled, data, 4));

    const toCustomer = await harness.smtp.waitFor(customer.email);
    expect(toCustomer.text).toContain(
      'Your booking of Room 12 at Harbour Hotel has been cancelled because Room 12 is closed for maintenance.',
    );
    expect(toCustomer.text).toContain(
      'The 240.00 EUR you paid will be refunded in full; we will email you when it is.',
    );
    expect(toCustomer.text).not.toContain('RESOURCE_MAINTENANCE');
    // It was confirmed, so in the customer's calendar: the mail takes it out again.
    expect(icsOf(toCustomer).lines).toContain('METHOD:CANCEL');
    const toVendor = await harness.smtp.waitFor(vendor.email);
    expect(toVendor.text).toContain('Room 12 was put in maintenance');
    expect(toVendor.text).toContain('The customer is refunded in full.');
  });
});
