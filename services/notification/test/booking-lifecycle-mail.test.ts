import { EventTypes, EXPIRED_CANCEL_REASON, type BookingEventData } from '@slotwise/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BERLIN_RANGE, drain, icsOf, knownUser, type KnownUser } from './booking-parties.js';
import { buildBookingData, buildBookingEvent } from './factories.js';
import { startHarness, type Harness } from './harness.js';
import { property } from './ics-lines.js';

/** Moved a week later: 15:00 CET on 31 October 2026 to 11:00 CET on 2 November. */
const MOVED = {
  startTime: '2026-10-31T14:00:00.000Z',
  endTime: '2026-11-02T10:00:00.000Z',
  previousStartTime: '2026-10-24T13:00:00.000Z',
  previousEndTime: '2026-10-26T10:00:00.000Z',
  reschedules: 1,
};
const MOVED_RANGE =
  'Saturday 31 October 2026, 15:00 – Monday 2 November 2026, 11:00 (Europe/Berlin time)';

describe('booking lifecycle mails', () => {
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

  it('confirms an auto-confirmed booking to the customer at once, with its calendar file', async () => {
    await parties();
    const data = booking({ status: 'CONFIRMED' });
    const event = buildBookingEvent(EventTypes.bookingCreated, data, 1);
    await harness.publish(event);

    const confirmation = await harness.smtp.waitFor(customer.email);
    expect(confirmation.subject).toBe('Booking confirmed: Room 12 at Harbour Hotel');
    expect(confirmation.text).toContain('Harbour Hotel has confirmed your booking of Room 12.');
    expect(confirmation.text).toContain(`When: ${BERLIN_RANGE}`);
    const { lines, vevent } = icsOf(confirmation);
    expect(lines).toContain('METHOD:PUBLISH');
    expect(vevent).toEqual(
      expect.arrayContaining([
        `UID:${data.bookingId}@slotwise`,
        'SEQUENCE:1',
        'DTSTART;TZID=Europe/Berlin:20261024T150000',
        'STATUS:CONFIRMED',
      ]),
    );

    const toVendor = await harness.smtp.waitFor(vendor.email);
    expect(toVendor.subject).toBe('New booking: Room 12 on Saturday 24 October 2026');
    expect(toVendor.text).toContain(
      `Grace Hopper (${customer.username}) has booked Room 12 at Harbour Hotel.`,
    );
    expect(toVendor.text).toContain('there is nothing for you to confirm');
    expect(toVendor.text).not.toContain('Please confirm or decline');
    expect(toVendor.attachments).toHaveLength(0);

    await drain(harness, data.bookingId);
    // The confirmation instead of, not besides, the "request received" mail.
    expect(harness.smtp.to(customer.email)).toHaveLength(1);
    expect(await harness.notificationsFor(event.id)).toEqual([
      expect.objectContaining({ template: 'booking.confirmed', recipient: customer.email }),
      expect.objectContaining({ template: 'booking.requested', recipient: vendor.email }),
    ]);
  });

  it('tells both parties when a request expires unconfirmed, and that the time is free', async () => {
    await parties();
    const data = booking({
      status: 'CANCELLED',
      previousStatus: 'PENDING',
      cancelReason: EXPIRED_CANCEL_REASON,
      cancelledBy: null,
    });
    const event = buildBookingEvent(EventTypes.bookingCancelled, data, 2);
    await harness.publish(event);

    const toCustomer = await harness.smtp.waitFor(customer.email);
    expect(toCustomer.subject).toBe('Booking request expired: Room 12 on Saturday 24 October 2026');
    expect(toCustomer.text).toContain(
      'Harbour Hotel did not confirm your booking request for Room 12 in time, so the request has expired.',
    );
    expect(toCustomer.text).toContain('The time is free again: you can ask for it again');
    expect(toCustomer.text).toContain(`When: ${BERLIN_RANGE}`);
    expect(toCustomer.attachments).toHaveLength(0);

    const toVendor = await harness.smtp.waitFor(vendor.email);
    expect(toVendor.subject).toBe('Booking request expired: Room 12 on Saturday 24 October 2026');
    expect(toVendor.text).toContain(
      `The booking request for Room 12 by Grace Hopper (${customer.username}) has expired: it was not confirmed in time.`,
    );
    expect(toVendor.text).toContain('The time is free again for other bookings.');
    for (const mail of [toCustomer, toVendor]) {
      // The reason is a code, not something a person said.
      expect(mail.text).not.toContain('Reason given');
      expect(mail.text).not.toMatch(/cancel/i);
    }
    await drain(harness, data.bookingId);
    expect(await harness.notificationsFor(event.id)).toEqual([
      expect.objectContaining({ template: 'booking.expired.customer', status: 'SENT' }),
      expect.objectContaining({ template: 'booking.expired.vendor', status: 'SENT' }),
    ]);
  });

  it('moves a confirmed booking in the customer’s calendar, and withdraws it later', async () => {
    await parties();
    const confirmed = booking({ status: 'CONFIRMED', previousStatus: 'PENDING' });
    const moved = { ...confirmed, ...MOVED, previousStatus: 'CONFIRMED' as const };
    const cancelled = {
      ...moved,
      status: 'CANCELLED' as const,
      previousStartTime: null,
      previousEndTime: null,
      cancelledBy: vendor.userId,
      cancelReason: 'Closed for repairs',
    };
    const rescheduled = buildBookingEvent(EventTypes.bookingRescheduled, moved, 3);
    await harness.publish(
      buildBookingEvent(EventTypes.bookingConfirmed, confirmed, 2),
      rescheduled,
      buildBookingEvent(EventTypes.bookingCancelled, cancelled, 4),
    );

    const confirmation = await harness.smtp.waitFor(customer.email, { subject: /^Booking conf/ });
    const reschedule = await harness.smtp.waitFor(customer.email, { subject: /^Booking resch/ });
    const cancellation = await harness.smtp.waitFor(customer.email, { subject: /^Booking canc/ });
    expect(reschedule.subject).toBe('Booking rescheduled: Room 12 on Saturday 31 October 2026');
    expect(reschedule.text).toContain(
      'Your booking of Room 12 at Harbour Hotel has been moved to a new time.',
    );
    expect(reschedule.text).toContain(`New time: ${MOVED_RANGE}`);
    expect(reschedule.text).toContain(`Previous time: ${BERLIN_RANGE}`);
    expect(reschedule.text).toContain(
      'The attached booking.ics updates the booking in your calendar.',
    );

    // One calendar entry throughout: same UID, each file a later SEQUENCE than the one before.
    const published = icsOf(confirmation).vevent;
    const updated = icsOf(reschedule);
    expect(updated.lines).toContain('METHOD:PUBLISH');
    expect(property(published, 'SEQUENCE')).toBe('SEQUENCE:2');
    expect(property(updated.vevent, 'UID')).toBe(`UID:${confirmed.bookingId}@slotwise`);
    expect(property(updated.vevent, 'UID')).toBe(property(published, 'UID'));
    expect(updated.vevent).toEqual(
      expect.arrayContaining([
        'SEQUENCE:3',
        'DTSTART;TZID=Europe/Berlin:20261031T150000',
        'DTEND;TZID=Europe/Berlin:20261102T110000',
        'STATUS:CONFIRMED',
      ]),
    );
    // Confirmed before, so a cancellation by the business rather than a decline.
    expect(cancellation.text).toContain('Harbour Hotel has cancelled your booking of Room 12.');
    expect(cancellation.text).toContain(`When: ${MOVED_RANGE}`);
    const withdrawn = icsOf(cancellation);
    expect(withdrawn.lines).toContain('METHOD:CANCEL');
    expect(property(withdrawn.vevent, 'UID')).toBe(property(published, 'UID'));
    expect(withdrawn.vevent).toEqual(
      expect.arrayContaining([
        'SEQUENCE:4',
        'STATUS:CANCELLED',
        'DTSTART;TZID=Europe/Berlin:20261031T150000',
      ]),
    );

    const toVendor = await harness.smtp.waitFor(vendor.email);
    expect(toVendor.subject).toBe('Booking rescheduled: Room 12 on Saturday 31 October 2026');
    expect(toVendor.text).toContain(
      `The booking of Room 12 by Grace Hopper (${customer.username}) has been moved to a new time.`,
    );
    expect(toVendor.text).toContain(`New time: ${MOVED_RANGE}`);
    expect(toVendor.text).toContain(`Previous time: ${BERLIN_RANGE}`);
    expect(toVendor.attachments).toHaveLength(0);
    expect(await harness.notificationsFor(rescheduled.id)).toEqual([
      expect.objectContaining({ template: 'booking.rescheduled.customer', status: 'SENT' }),
      expect.objectContaining({ template: 'booking.rescheduled.vendor', status: 'SENT' }),
    ]);
    // The vendor cancelled and hears nothing of it.
    await drain(harness, confirmed.bookingId);
    expect(harness.smtp.to(vendor.email)).toHaveLength(1);
  });

  it('moves a pending request without a calendar file, still awaiting the business', async () => {
    await parties();
    const data = booking({ ...MOVED, status: 'PENDING', previousStatus: 'PENDING' });
    await harness.publish(buildBookingEvent(EventTypes.bookingRescheduled, data, 2));

    const toCustomer = await harness.smtp.waitFor(customer.email);
    expect(toCustomer.subject).toBe('Booking rescheduled: Room 12 on Saturday 31 October 2026');
    expect(toCustomer.text).toContain('Harbour Hotel still has to confirm it.');
    expect(toCustomer.text).toContain(`Previous time: ${BERLIN_RANGE}`);
    expect(toCustomer.text).not.toContain('calendar');
    expect(toCustomer.attachments).toHaveLength(0);
    const toVendor = await harness.smtp.waitFor(vendor.email);
    expect(toVendor.text).toContain('It still waits for you to confirm or decline it.');
    expect(toVendor.text).toContain(`New time: ${MOVED_RANGE}`);
  });

  it('sends each mail once when booking.created and booking.rescheduled are redelivered', async () => {
    await parties();
    const data = booking();
    const created = buildBookingEvent(EventTypes.bookingCreated, data, 1);
    const rescheduled = buildBookingEvent(
      EventTypes.bookingRescheduled,
      { ...data, ...MOVED, previousStatus: 'PENDING' },
      2,
    );
    await harness.publish(created, created, rescheduled, rescheduled);
    await drain(harness, data.bookingId);
    await harness.publish(created, rescheduled);
    await drain(harness, data.bookingId);

    expect(harness.smtp.to(customer.email).map((m) => m.subject)).toEqual([
      'Booking request received: Room 12 on Saturday 24 October 2026',
      'Booking rescheduled: Room 12 on Saturday 31 October 2026',
    ]);
    expect(harness.smtp.to(vendor.email).map((m) => m.subject)).toEqual([
      'New booking request: Room 12 on Saturday 24 October 2026',
      'Booking rescheduled: Room 12 on Saturday 31 October 2026',
    ]);
    for (const id of [created.id, rescheduled.id]) {
      const rows = await harness.notificationsFor(id);
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(row).toMatchObject({ status: 'SENT', attempts: 1 });
    }
  });
});
