import { EventTypes, type BookingEventData } from '@slotwise/contracts';
import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BERLIN_RANGE, drain, knownUser, type KnownUser } from './booking-parties.js';
import {
  buildBookingData,
  buildBookingEvent,
  buildUserEvent,
  buildUserProfile,
} from './factories.js';
import { startHarness, type Harness } from './harness.js';
import { component, property, readIcs } from './ics-lines.js';

const SLOW = { timeoutMs: 20_000, intervalMs: 50 };

describe('booking mails', () => {
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

  it('asks the vendor to confirm a new booking request, in the business time zone', async () => {
    await parties();
    const data = booking({ notes: 'Late arrival, around 22:00 <please>' });
    const event = buildBookingEvent(EventTypes.bookingCreated, data);
    await harness.publish(event);

    const mail = await harness.smtp.waitFor(vendor.email);
    expect(mail.subject).toBe('New booking request: Room 12 on Saturday 24 October 2026');
    expect(mail.text).toContain('Hi Ada,');
    expect(mail.text).toContain(
      `Grace Hopper (${customer.username}) would like to book Room 12 at Harbour Hotel.`,
    );
    expect(mail.text).toContain(`When: ${BERLIN_RANGE}`);
    expect(mail.text).toContain('Total: 240.00 EUR');
    expect(mail.text).toContain('Notes: Late arrival, around 22:00 <please>');
    expect(mail.text).toContain('Please confirm or decline the request.');
    expect(mail.html).toContain('around 22:00 &lt;please&gt;');
    expect(mail.attachments).toHaveLength(0);

    const received = await harness.smtp.waitFor(customer.email);
    expect(received.subject).toBe('Booking request received: Room 12 on Saturday 24 October 2026');
    expect(received.text).toContain('Hi Grace,');
    expect(received.text).toContain(
      'Your request to book Room 12 at Harbour Hotel has been received.',
    );
    expect(received.text).toContain('Harbour Hotel still has to confirm it.');
    expect(received.text).toContain(`When: ${BERLIN_RANGE}`);
    expect(received.text).not.toContain('confirmed');
    // Not confirmed yet, so not for the calendar.
    expect(received.attachments).toHaveLength(0);
    await waitFor(async () => {
      expect(await harness.notificationsFor(event.id)).toEqual([
        expect.objectContaining({
          template: 'booking.request_received',
          userId: customer.userId,
          recipient: customer.email,
          status: 'SENT',
        }),
        expect.objectContaining({
          template: 'booking.requested',
          userId: vendor.userId,
          recipient: vendor.email,
          status: 'SENT',
        }),
      ]);
    });
    await drain(harness, data.bookingId);
    expect(harness.smtp.to(customer.email)).toHaveLength(1);
    expect(harness.smtp.to(vendor.email)).toHaveLength(1);
  });

  it('sends the customer the confirmation with a calendar file in the business time zone', async () => {
    await parties();
    const data = booking({
      status: 'CONFIRMED',
      resourceName: 'Suite 4, sea view; top floor',
      timezone: 'Asia/Tokyo',
      startTime: '2026-12-01T01:00:00.000Z',
      endTime: '2026-12-01T02:30:00.000Z',
    });
    const event = buildBookingEvent(EventTypes.bookingConfirmed, data, 2);
    await harness.publish(event);

    const mail = await harness.smtp.waitFor(customer.email);
    expect(mail.subject).toBe('Booking confirmed: Suite 4, sea view; top floor at Harbour Hotel');
    expect(mail.text).toContain('Hi Grace,');
    expect(mail.text).toContain('Harbour Hotel has confirmed your booking of Suite 4');
    expect(mail.text).toContain('When: Tuesday 1 December 2026, 10:00–11:30 (Asia/Tokyo time)');
    expect(mail.text).toContain('All times are local to Harbour Hotel (Asia/Tokyo).');

    expect(mail.attachments).toHaveLength(1);
    const [attachment] = mail.attachments;
    expect(attachment?.filename).toBe('booking.ics');
    expect(attachment?.contentType).toBe('text/calendar');
    const { lines } = readIcs(attachment!.content.toString('utf8'));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('METHOD:PUBLISH');
    expect(component(lines, 'VTIMEZONE')).toContain('TZID:Asia/Tokyo');
    const vevent = component(lines, 'VEVENT');
    expect(vevent).toEqual(
      expect.arrayContaining([
        `UID:${data.bookingId}@slotwise`,
        'DTSTART;TZID=Asia/Tokyo:20261201T100000',
        'DTEND;TZID=Asia/Tokyo:20261201T113000',
        'SUMMARY:Suite 4\\, sea view\\; top floor at Harbour Hotel',
      ]),
    );
    expect(property(vevent, 'DTSTAMP')).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);

    await drain(harness, data.bookingId);
    expect(harness.smtp.to(vendor.email)).toHaveLength(0);
  });

  it('tells the vendor, with the reason, when the customer cancels', async () => {
    await parties();
    const data = booking({
      status: 'CANCELLED',
      cancelledBy: customer.userId,
      cancelReason: 'Flight cancelled',
    });
    await harness.publish(buildBookingEvent(EventTypes.bookingCancelled, data, 2));

    const mail = await harness.smtp.waitFor(vendor.email);
    expect(mail.subject).toBe('Booking cancelled: Room 12 on Saturday 24 October 2026');
    expect(mail.text).toContain(
      `Grace Hopper (${customer.username}) has cancelled their booking of Room 12.`,
    );
    expect(mail.text).toContain('Reason given: Flight cancelled');
    expect(mail.text).toContain(`When: ${BERLIN_RANGE}`);
    await drain(harness, data.bookingId);
    expect(harness.smtp.to(customer.email)).toHaveLength(0);
  });

  it('tells the customer, with the reason, when the business declines a request', async () => {
    await parties();
    const data = booking({
      status: 'CANCELLED',
      previousStatus: 'PENDING',
      cancelledBy: vendor.userId,
      cancelReason: 'Burst pipe in the room',
    });
    const event = buildBookingEvent(EventTypes.bookingCancelled, data, 2);
    await harness.publish(event);

    const mail = await harness.smtp.waitFor(customer.email);
    expect(mail.subject).toBe('Booking request declined: Room 12 on Saturday 24 October 2026');
    expect(mail.text).toContain('Harbour Hotel has declined your booking request for Room 12.');
    expect(mail.text).toContain('Reason given: Burst pipe in the room');
    expect(mail.text).toContain(`When: ${BERLIN_RANGE}`);
    // A request turned down reads as declined throughout, never as a cancellation.
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/cancel/i);
    // Never confirmed, so never in the customer's calendar: nothing to take out of it.
    expect(mail.attachments).toHaveLength(0);
    expect(mail.text).not.toContain('calendar');
    await drain(harness, data.bookingId);
    expect(harness.smtp.to(vendor.email)).toHaveLength(0);
    expect(await harness.notificationsFor(event.id)).toEqual([
      expect.objectContaining({ template: 'booking.declined', recipient: customer.email }),
    ]);
  });

  it('takes a confirmed booking out of the customer’s calendar when it is cancelled', async () => {
    await parties();
    const confirmed = booking({ status: 'CONFIRMED', previousStatus: 'PENDING' });
    await harness.publish(buildBookingEvent(EventTypes.bookingConfirmed, confirmed, 2));
    const cancelled = {
      ...confirmed,
      status: 'CANCELLED' as const,
      previousStatus: 'CONFIRMED' as const,
      cancelledBy: vendor.userId,
      cancelReason: 'Closed for repairs',
    };
    await harness.publish(buildBookingEvent(EventTypes.bookingCancelled, cancelled, 3));

    const cancellation = await harness.smtp.waitFor(customer.email, {
      subject: /^Booking cancelled/,
    });
    const [confirmation] = harness.smtp.to(customer.email);
    const published = component(
      readIcs(confirmation!.attachments[0]!.content.toString('utf8')).lines,
      'VEVENT',
    );
    expect(cancellation.text).toContain(
      'The attached calendar file removes the booking from your calendar.',
    );
    expect(cancellation.attachments).toHaveLength(1);
    const [attachment] = cancellation.attachments;
    expect(attachment?.filename).toBe('booking.ics');
    const { lines } = readIcs(attachment!.content.toString('utf8'));
    expect(lines).toContain('METHOD:CANCEL');
    const vevent = component(lines, 'VEVENT');
    expect(property(vevent, 'UID')).toBe(property(published, 'UID'));
    expect(property(published, 'SEQUENCE')).toBe('SEQUENCE:2');
    expect(vevent).toEqual(expect.arrayContaining(['SEQUENCE:3', 'STATUS:CANCELLED']));
    // The vendor cancelled and hears nothing; a vendor never had the booking as a calendar file.
    await drain(harness, confirmed.bookingId);
    expect(harness.smtp.to(vendor.email)).toHaveLength(0);
  });

  it('tells both parties when an administrator cancels, and once only when it is redelivered', async () => {
    await parties();
    const data = booking({ status: 'CANCELLED', cancelledBy: buildUserProfile().userId });
    const event = buildBookingEvent(EventTypes.bookingCancelled, data, 3);
    await harness.publish(event, event);
    await drain(harness, data.bookingId);
    await harness.publish(event);
    await drain(harness, data.bookingId);

    const [toCustomer] = harness.smtp.to(customer.email);
    const [toVendor] = harness.smtp.to(vendor.email);
    expect(harness.smtp.to(customer.email)).toHaveLength(1);
    expect(harness.smtp.to(vendor.email)).toHaveLength(1);
    expect(toCustomer?.text).toContain(
      'An administrator has cancelled your booking of Room 12 at Harbour Hotel.',
    );
    expect(toVendor?.text).toContain(
      `An administrator has cancelled the booking of Room 12 by Grace Hopper (${customer.username}).`,
    );
    expect(toCustomer?.text).toContain('No reason was given.');
    expect(await harness.notificationsFor(event.id)).toEqual([
      expect.objectContaining({
        template: 'booking.cancelled.customer',
        recipient: customer.email,
        status: 'SENT',
        attempts: 1,
      }),
      expect.objectContaining({
        template: 'booking.cancelled.vendor',
        recipient: vendor.email,
        status: 'SENT',
        attempts: 1,
      }),
    ]);
  });

  it('sends one confirmation when the same event is delivered twice', async () => {
    await parties();
    const event = buildBookingEvent(EventTypes.bookingConfirmed, booking({ status: 'CONFIRMED' }));
    await harness.publish(event, event);
    await drain(harness, event.aggregateId);

    expect(harness.smtp.to(customer.email)).toHaveLength(1);
    expect(await harness.notificationsFor(event.id)).toEqual([
      expect.objectContaining({ template: 'booking.confirmed', status: 'SENT', attempts: 1 }),
    ]);
  });

  it('waits for a vendor the read model does not know yet, then mails them', async () => {
    customer = await knownUser(harness, 'CUSTOMER', 'Grace');
    const late = buildUserProfile({ role: 'VENDOR', firstName: 'Late', status: 'ACTIVE' });
    const data = buildBookingData({ userId: customer.userId, vendorId: late.userId });
    const event = buildBookingEvent(EventTypes.bookingCreated, data);
    await harness.publish(event);
    await waitFor(() => {
      expect(harness.logLines.join('\n')).toContain(`User ${late.userId} is not in the read model`);
    }, SLOW);
    expect(await harness.notificationsFor(event.id)).toEqual([]);

    await harness.publish(buildUserEvent(EventTypes.userRegistered, late.userId, 1, late));
    const mail = await harness.smtp.waitFor(late.email, { timeoutMs: 20_000 });
    expect(mail.text).toContain('Hi Late,');
  });
});
