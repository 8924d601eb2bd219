import { describe, expect, it } from 'vitest';
import {
  cancellationKind,
  cancellationRecipients,
  cancellerOf,
} from '../src/events/handlers/booking-cancelled.handler.js';
import { displayName } from '../src/events/handlers/booking-mail.shared.js';
import { renderBookingCancelledMail } from '../src/templates/booking-cancelled.template.js';
import { renderBookingRescheduledMail } from '../src/templates/booking-rescheduled.template.js';
import {
  renderBookingReminderMail,
  whenFromNow,
} from '../src/templates/booking-reminder.template.js';
import {
  renderBookingConfirmedMail,
  renderBookingRequestedMail,
  renderBookingRequestReceivedMail,
} from '../src/templates/booking.templates.js';
import {
  renderPaymentFailedMail,
  renderPaymentLinkMail,
  renderPaymentReceiptMail,
  renderPaymentRefundedMail,
} from '../src/templates/payment.templates.js';
import type { RenderedMail } from '../src/templates/template.js';
import { formatTimeRange } from '../src/time/time-range.js';
import { resolveTimeZone } from '../src/time/zoned-time.js';
import {
  buildBookingData,
  buildPaymentCreated,
  buildPaymentData,
  buildPaymentFailed,
  buildPaymentRefunded,
  buildPaymentSucceeded,
} from './factories.js';

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
    ['the platform for an unpaid booking', 'PENDING', null, 'PAYMENT_EXPIRED', 'platform'],
    ['the platform for a suspended business', 'CONFIRMED', null, 'BUSINESS_SUSPENDED', 'platform'],
    ['a customer who typed EXPIRED', 'PENDING', data.userId, 'EXPIRED', 'cancelled'],
    ['an administrator who typed USER_DELETED', 'CONFIRMED', admin, 'USER_DELETED', 'cancelled'],
    ['the platform for a reason it has no words for', 'CONFIRMED', null, 'OTHER', 'cancelled'],
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
    expect(mail.text).toContain(
      'Review your bookings at https://book.example.com/vendor/bookings?view=day&date=2026-10-24',
    );
  });

  it('names the customer by name and username, or by username alone', () => {
    expect(displayName({ firstName: 'Grace', lastName: ' Hopper ', username: 'g' })).toBe(
      'Grace Hopper (g)',
    );
    expect(displayName({ firstName: null, lastName: '  ', username: 'g' })).toBe('g');
  });
});

describe('platform cancellations, in words', () => {
  const input = {
    booking: buildBookingData({
      status: 'CANCELLED',
      previousStatus: 'CONFIRMED',
      cancelledBy: null,
    }),
    zone: 'Europe/Berlin',
    recipientFirstName: 'Grace',
    customerName: 'Grace Hopper (grace_h)',
  };
  const lead = 'Your booking of Room 12 at Harbour Hotel has been cancelled because';

  it.each([
    ['PAYMENT_FAILED', `${lead} its payment did not go through.`],
    ['PAYMENT_EXPIRED', `${lead} it was not paid in time.`],
    [
      'BUSINESS_SUSPENDED',
      `${lead} Harbour Hotel has been suspended on Slotwise and cannot take bookings for now.`,
    ],
    ['BUSINESS_DELETED', `${lead} Harbour Hotel is no longer on Slotwise.`],
    ['RESOURCE_DELETED', `${lead} Harbour Hotel no longer offers Room 12.`],
    ['RESOURCE_MAINTENANCE', `${lead} Room 12 is closed for maintenance.`],
    ['USER_SUSPENDED', `${lead} your Slotwise account has been suspended.`],
    ['USER_DELETED', `${lead} your Slotwise account has been deleted.`],
  ])('%s reads as a sentence to the customer', (cancelReason, sentence) => {
    const booking = { ...input.booking, cancelReason };
    const kind = cancellationKind(booking);
    const mail = renderBookingCancelledMail(
      { ...input, booking },
      'customer',
      'unknown',
      templates,
      {
        kind,
      },
    );

    expect(kind).toBe('platform');
    expect(mail.subject).toBe('Booking cancelled: Room 12 on Saturday 24 October 2026');
    expect(mail.text).toContain(sentence);
    expect(mail.text).not.toContain(cancelReason);
    expect(mail.text).not.toContain('Reason given');
  });

  it('tells the customer of a paid booking that it is refunded in full, and the vendor too', () => {
    const booking = {
      ...input.booking,
      cancelReason: 'BUSINESS_SUSPENDED',
      paymentMode: 'PREPAY' as const,
      paymentStatus: 'PAID' as const,
    };
    const options = { kind: 'platform' as const };
    const toCustomer = renderBookingCancelledMail(
      { ...input, booking },
      'customer',
      'unknown',
      templates,
      options,
    );
    const toVendor = renderBookingCancelledMail(
      { ...input, booking },
      'vendor',
      'unknown',
      templates,
      options,
    );

    expect(toCustomer.text).toContain('The 240.00 EUR you paid will be refunded in full');
    expect(toCustomer.text).toContain(
      'You can find another place to book at https://book.example.com',
    );
    expect(toVendor.text).toContain(
      'The booking of Room 12 by Grace Hopper (grace_h) has been cancelled because Harbour Hotel has been suspended.',
    );
    expect(toVendor.text).toContain('The customer is refunded in full.');
    // The business cannot take bookings: no word of the time being free for others.
    expect(toVendor.text).not.toContain('free again');
  });

  it('says nothing of a refund when the customer cancelled a paid booking themselves', () => {
    const booking = {
      ...input.booking,
      cancelledBy: input.booking.userId,
      cancelReason: 'Plans changed',
      paymentStatus: 'PAID' as const,
    };
    const mail = renderBookingCancelledMail({ ...input, booking }, 'vendor', 'customer', templates);

    expect(mail.text).toContain('Reason given: Plans changed');
    expect(mail.text).not.toContain('refund');
  });
});

describe('reminders and payment holds', () => {
  const start = new Date('2026-10-24T13:00:00Z'); // 15:00 in Berlin

  it.each([
    ['the evening before', '2026-10-23T18:00:00Z', 'tomorrow at 15:00'],
    ['just after midnight on the day', '2026-10-23T22:30:00Z', 'today at 15:00'],
    ['two days ahead', '2026-10-22T12:00:00Z', 'on Saturday 24 October 2026 at 15:00'],
  ])('counts the day on the business’s clock when reminded %s', (_when, at, expected) => {
    expect(whenFromNow(start, new Date(at), 'Europe/Berlin')).toBe(expected);
  });

  it('tells a customer who pays in advance until when the time is held', () => {
    const booking = buildBookingData({
      paymentMode: 'PREPAY',
      paymentStatus: 'PENDING',
      paymentDueAt: '2026-10-20T10:30:00.000Z',
    });
    const mail = renderBookingRequestReceivedMail(
      { booking, zone: 'Europe/Berlin', recipientFirstName: null, customerName: 'g' },
      templates,
    );

    expect(mail.text).toContain('the payment link comes in a separate email');
    expect(mail.text).toContain(
      'The time is held for you until Tuesday 20 October 2026, 12:30 (Europe/Berlin time)',
    );
  });
});

/** Every link of a mail's HTML, as the browser reads it (entities decoded). */
function hrefs(mail: RenderedMail): string[] {
  return [...mail.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
}

/** The links of a mail besides its footer's (the home page). */
function actions(mail: RenderedMail): string[] {
  return hrefs(mail).filter((href) => href !== templates.publicUrl);
}

describe('links into the web app', () => {
  const url = templates.publicUrl;
  // 20:00 UTC on the 24th is 05:00 on the 25th in Tokyo: the vendor's day is Tokyo's.
  const booking = buildBookingData({ timezone: 'Asia/Tokyo', startTime: '2026-10-24T20:00:00Z' });
  const input = {
    booking,
    zone: 'Asia/Tokyo',
    recipientFirstName: 'Grace',
    customerName: 'Grace Hopper (grace_h)',
  };
  const bookingPage = `${url}/bookings/${booking.bookingId}`;
  const vendorDay = `${url}/vendor/bookings?view=day&date=2026-10-25`;

  it('sends the vendor to their bookings on the booking’s day in the business’s zone', () => {
    const cancelled = { ...booking, status: 'CANCELLED' as const, cancelledBy: booking.userId };
    const mails = [
      renderBookingRequestedMail(input, templates),
      renderBookingRequestedMail(
        { ...input, booking: { ...booking, status: 'CONFIRMED' } },
        templates,
      ),
      renderBookingRescheduledMail(input, 'vendor', templates),
      renderBookingCancelledMail({ ...input, booking: cancelled }, 'vendor', 'customer', templates),
    ];
    for (const mail of mails) {
      expect(actions(mail), mail.subject).toEqual([vendorDay]);
      expect(mail.text, mail.subject).toContain(vendorDay);
    }
  });

  it('leaves the day out when the business’s zone is unknown, rather than guess it', () => {
    const unknown = {
      ...input,
      booking: { ...booking, timezone: 'Mars/Olympus_Mons' },
      zone: 'UTC',
    };
    const mail = renderBookingRequestedMail(unknown, templates);

    expect(actions(mail)).toEqual([`${url}/vendor/bookings?view=day`]);
  });

  it('sends the customer to the booking’s own page from every booking mail', () => {
    const confirmed = { ...input, booking: { ...booking, status: 'CONFIRMED' as const } };
    const declined = {
      ...input,
      booking: { ...booking, status: 'CANCELLED' as const, cancelledBy: booking.vendorId },
    };
    const mails = [
      renderBookingRequestReceivedMail(input, templates),
      renderBookingConfirmedMail(confirmed, templates),
      renderBookingRescheduledMail(confirmed, 'customer', templates),
      renderBookingReminderMail(confirmed, new Date('2026-10-24T08:00:00Z'), templates),
      renderBookingCancelledMail(declined, 'customer', 'vendor', templates, { kind: 'declined' }),
    ];
    for (const mail of mails) {
      expect(actions(mail), mail.subject).toEqual([bookingPage]);
      expect(mail.text, mail.subject).toContain(bookingPage);
    }
  });

  it('offers the customer the resource again after a cancellation or an expiry, the business when the resource is gone', () => {
    const resourcePage = `${url}/resources/${booking.resourceId}`;
    const businessPage = `${url}/businesses/${booking.businessId}`;
    const ended = (cancelReason: string, cancelledBy: string | null) => ({
      ...input,
      booking: { ...booking, status: 'CANCELLED' as const, cancelReason, cancelledBy },
    });
    const vendorCancelled = renderBookingCancelledMail(
      ended('Closed', booking.vendorId),
      'customer',
      'vendor',
      templates,
    );
    const expired = renderBookingCancelledMail(
      ended('EXPIRED', null),
      'customer',
      'unknown',
      templates,
      {
        kind: 'expired',
      },
    );
    const unpaid = renderBookingCancelledMail(
      ended('PAYMENT_EXPIRED', null),
      'customer',
      'unknown',
      templates,
      { kind: 'platform' },
    );
    const deleted = renderBookingCancelledMail(
      ended('RESOURCE_DELETED', null),
      'customer',
      'unknown',
      templates,
      { kind: 'platform' },
    );

    expect(vendorCancelled.text).toContain(`you can book another time at ${resourcePage}`);
    expect(expired.text).toContain(`you can ask for it again, or for another, at ${resourcePage}`);
    expect(unpaid.text).toContain(`you can book it again, or another, at ${resourcePage}`);
    expect(deleted.text).toContain(`another time or another place at ${businessPage}`);
    for (const mail of [vendorCancelled, expired, unpaid, deleted]) {
      expect(actions(mail)).toEqual([bookingPage]);
    }
  });

  it('sends the customer from payment mails to the booking, where a failed payment is paid again', () => {
    const payment = buildPaymentData({ kind: 'POSTPAY' });
    const page = `${url}/bookings/${payment.bookingId}`;
    const customer = { recipientFirstName: null };
    const linkMail = renderPaymentLinkMail(
      { ...customer, payment: buildPaymentCreated(payment) },
      templates,
    );
    const failed = renderPaymentFailedMail(
      { ...customer, payment: buildPaymentFailed(payment, { reason: 'EXPIRED' }) },
      templates,
    );
    const others = [
      renderPaymentReceiptMail({ ...customer, payment: buildPaymentSucceeded(payment) }, templates),
      renderPaymentRefundedMail({ ...customer, payment: buildPaymentRefunded(payment) }, templates),
      renderPaymentFailedMail(
        { ...customer, payment: buildPaymentFailed({ ...payment, kind: 'PREPAY' }) },
        templates,
      ),
    ];

    expect(actions(linkMail)).toEqual([
      `https://pay.example.test/checkout/${payment.paymentId}`,
      page,
    ]);
    expect(failed.text).toContain(
      `You can try again: open your bookings at ${page} and pay from there.`,
    );
    expect(actions(failed)).toEqual([page]);
    for (const mail of others) {
      expect(actions(mail), mail.subject).toEqual([page]);
      expect(mail.text, mail.subject).toContain(page);
    }
  });
});
