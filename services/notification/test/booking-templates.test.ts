import { describe, expect, it } from 'vitest';
import {
  cancellationKind,
  cancellationRecipients,
  cancellerOf,
} from '../src/events/handlers/booking-cancelled.handler.js';
import { displayName } from '../src/events/handlers/booking-mail.shared.js';
import { renderBookingCancelledMail } from '../src/templates/booking-cancelled.template.js';
import { renderBookingRescheduledMail } from '../src/templates/booking-rescheduled.template.js';
import { renderBookingRequestedMail } from '../src/templates/booking.templates.js';
import { formatTimeRange } from '../src/time/time-range.js';
import { resolveTimeZone } from '../src/time/zoned-time.js';
import { buildBookingData } from './factories.js';

const templates = {
  productName: 'Slotwise',
  publicUrl: 'https://book.example.com',
  senderAddress: 'no-reply@slotwise.local',
};

describe('booking times', () => {
  it('shows a range on one day in the business zone, named, whatever the server zone', () => {
    const start = new Date('2026-12-01T23:30:00Z');
    const end = new Date('2026-12-02T01:00:00Z');

    expect(formatTimeRange(start, end, 'Asia/Tokyo')).toBe(
      'Wednesday 2 December 2026, 08:30–10:00 (Asia/Tokyo time)',
    );
    expect(formatTimeRange(start, end, 'America/Los_Angeles')).toBe(
      'Tuesday 1 December 2026, 15:30–17:00 (America/Los_Angeles time)',
    );
  });

  it('shows both dates when the range crosses midnight in the business zone', () => {
    const start = new Date('2026-12-01T20:00:00Z');
    const end = new Date('2026-12-01T23:30:00Z');

    expect(formatTimeRange(start, end, 'Europe/Berlin')).toBe(
      'Tuesday 1 December 2026, 21:00 – Wednesday 2 December 2026, 00:30 (Europe/Berlin time)',
    );
  });

  it('knows real zones by their canonical name and refuses made-up ones', () => {
    expect(resolveTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(resolveTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(resolveTimeZone('Mars/Olympus_Mons')).toBeNull();
  });
});

describe('who hears about a cancellation', () => {
  const data = buildBookingData();
  const admin = buildBookingData().userId;

  it.each([
    ['the customer', data.userId, 'customer', ['vendor']],
    ['the vendor', data.vendorId, 'vendor', ['customer']],
    ['an administrator', admin, 'admin', ['customer', 'vendor']],
    ['nobody named', null, 'unknown', ['customer', 'vendor']],
  ] as const)('cancelled by %s', (_who, cancelledBy, canceller, parties) => {
    const booking = { ...data, cancelledBy };
    expect(cancellerOf(booking)).toBe(canceller);
    expect(cancellationRecipients(booking).map((r) => r.party)).toEqual(parties);
  });

  it('mails a vendor who booked their own resource once, and not when they cancelled it', () => {
    const own = { ...data, vendorId: data.userId };
    expect(cancellationRecipients({ ...own, cancelledBy: admin })).toEqual([
      { party: 'customer', userId: data.userId },
    ]);
    expect(cancellationRecipients({ ...own, cancelledBy: data.userId })).toEqual([]);
  });
});

describe('what kind of cancellation it was', () => {
  const data = buildBookingData();
  const admin = buildBookingData().userId;

  it.each([
    ['the platform expiring a request', 'PENDING', null, 'EXPIRED', 'expired'],
    ['the business turning down a request', 'PENDING', data.vendorId, 'Full', 'declined'],
    ['the business cancelling a confirmed booking', 'CONFIRMED', data.vendorId, 'x', 'cancelled'],
    ['an administrator cancelling a request', 'PENDING', admin, 'x', 'cancelled'],
    ['the customer withdrawing a request', 'PENDING', data.userId, 'x', 'cancelled'],
    ['the platform for an unpaid booking', 'PENDING', null, 'PAYMENT_EXPIRED', 'cancelled'],
    ['a customer who typed EXPIRED', 'PENDING', data.userId, 'EXPIRED', 'cancelled'],
  ] as const)('%s', (_what, previousStatus, cancelledBy, cancelReason, kind) => {
    const booking = { ...data, status: 'CANCELLED' as const, previousStatus, cancelledBy };
    expect(cancellationKind({ ...booking, cancelReason })).toBe(kind);
  });
});

describe('booking templates', () => {
  const input = {
    booking: buildBookingData({
      businessName: 'Harbour <Hotel> & Spa',
      notes: '<script>x</script>',
      cancelReason: '  ',
    }),
    zone: 'Europe/Berlin',
    recipientFirstName: null,
    customerName: 'Grace Hopper (grace_h)',
  };

  it('escapes what users typed into the HTML and keeps the text as typed', () => {
    const mail = renderBookingRequestedMail(input, templates);

    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Harbour &lt;Hotel&gt; &amp; Spa');
    expect(mail.text).toContain('Notes: <script>x</script>');
    expect(mail.text).toContain('Hi,');
  });

  it('says that no reason was given when the reason is blank', () => {
    const mail = renderBookingCancelledMail(input, 'customer', 'vendor', templates);

    expect(mail.text).toContain('No reason was given.');
    expect(mail.text).toContain('Harbour <Hotel> & Spa has cancelled your booking of Room 12.');
  });

  it('words a decline as a decline for the customer and gives the reason', () => {
    const declined = { ...input, booking: { ...input.booking, cancelReason: 'Fully booked' } };
    const mail = renderBookingCancelledMail(declined, 'customer', 'vendor', templates, {
      kind: 'declined',
    });

    expect(mail.subject).toBe('Booking request declined: Room 12 on Saturday 24 October 2026');
    expect(mail.text).toContain('Harbour <Hotel> & Spa has declined your booking request');
    expect(mail.text).toContain('Reason given: Fully booked');
    expect(mail.html).not.toMatch(/cancel/i);
  });

  it('shows only the new time of a reschedule whose event lacks the old one', () => {
    const moved = { ...input, booking: { ...input.booking, status: 'CONFIRMED' as const } };
    const mail = renderBookingRescheduledMail(moved, 'vendor', templates);

    expect(mail.text).toContain('New time: Saturday 24 October 2026, 15:00');
    expect(mail.text).not.toContain('Previous time');
    expect(mail.text).not.toContain('confirm');
    expect(mail.text).toContain('Review your bookings at https://book.example.com');
  });

  it('names the customer by name and username, or by username alone', () => {
    expect(displayName({ firstName: 'Grace', lastName: ' Hopper ', username: 'g' })).toBe(
      'Grace Hopper (g)',
    );
    expect(displayName({ firstName: null, lastName: '  ', username: 'g' })).toBe('g');
  });
});
