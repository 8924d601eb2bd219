import { bookingEventData, type BookingEventData } from '@slotwise/contracts';
import type { EventEnvelope, EventHandlerContext } from '@slotwise/platform/events';
import type { Logger } from '@slotwise/platform/logger';
import { buildBookingCalendar } from '../../calendar/booking-calendar.js';
import type { MailAttachment } from '../../notifications/mailer.js';
import type { BookingMailInput } from '../../templates/booking-details.js';
import {
  renderBookingCancelledMail,
  type BookingParty,
  type Canceller,
} from '../../templates/booking-cancelled.template.js';
import {
  BOOKING_ICS_FILENAME,
  renderBookingConfirmedMail,
  renderBookingRequestedMail,
} from '../../templates/booking.templates.js';
import { TemplateNames } from '../../templates/template.js';
import { resolveTimeZone } from '../../time/zoned-time.js';
import type { UserReadModelService } from '../../users/user-read-model.service.js';
import { UserNotInReadModelError } from '../../users/user.errors.js';
import type { UserRecord } from '../../users/user.repository.js';
import {
  defineHandler,
  type HandlerDependencies,
  type NotificationEventHandler,
} from '../handler-registry.js';

/**
 * Booking events name both parties by id only. One the read model does not know yet is thrown, so
 * the transport retries (the `user.*` events are usually just behind) and dead-letters it in the
 * end, as for business events. Lookups come before any sending, so a retry never finds half sent.
 */
async function requireUser(users: UserReadModelService, userId: string): Promise<UserRecord> {
  const user = await users.findById(userId);
  if (!user) throw new UserNotInReadModelError(userId);
  return user;
}

/**
 * Both parties of a booking, read in one query: `party(id)` is the user of that id, or throws as
 * `requireUser` does when the read model does not hold it.
 */
async function bookingParties(
  users: UserReadModelService,
  booking: BookingEventData,
): Promise<(userId: string) => UserRecord> {
  const found = await users.findByIds([booking.userId, booking.vendorId]);
  return (userId) => {
    const user = found.get(userId);
    if (!user) throw new UserNotInReadModelError(userId);
    return user;
  };
}

/** "Grace Hopper (grace_h)", or the username alone when the user gave no name. */
export function displayName(user: Pick<UserRecord, 'firstName' | 'lastName' | 'username'>): string {
  const name = [user.firstName, user.lastName]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part.length > 0)
    .join(' ');
  return name ? `${name} (${user.username})` : user.username;
}

/**
 * The business's zone, or UTC when this runtime does not know it: a zone string the business
 * service accepted should not stop the mail; UTC is then named in it, so nobody is misled.
 */
function bookingZone(booking: BookingEventData, logger: Logger): string {
  const zone = resolveTimeZone(booking.timezone);
  if (zone) return zone;
  logger.warn({ timezone: booking.timezone }, 'Unknown business time zone; times shown in UTC');
  return 'UTC';
}

function mailInput(
  event: EventEnvelope<BookingEventData>,
  recipient: UserRecord,
  customer: UserRecord,
  logger: Logger,
): BookingMailInput {
  return {
    booking: event.data,
    zone: bookingZone(event.data, logger),
    recipientFirstName: recipient.firstName,
    customerName: displayName(customer),
  };
}

/** A customer asked for a booking: the vendor is to confirm or decline it. */
export function bookingCreatedHandler({
  users,
  delivery,
  templates,
}: HandlerDependencies): NotificationEventHandler {
  return defineHandler(bookingEventData, async (event, context) => {
    const party = await bookingParties(users, event.data);
    const vendor = party(event.data.vendorId);
    const customer = party(event.data.userId);
    const mail = renderBookingRequestedMail(
      mailInput(event, vendor, customer, context.logger),
      templates,
    );
    await delivery.deliver(
      {
        event,
        userId: vendor.id,
        template: TemplateNames.bookingRequested,
        mail: { to: vendor.email, ...mail },
      },
      context,
    );
  });
}

/**
 * The booking as a calendar file for the customer: PUBLISH with the confirmation, CANCEL when a
 * confirmed booking is cancelled. The event's version is the SEQUENCE, so the CANCEL is always
 * later than the PUBLISH of the same UID.
 */
function calendarAttachment(
  event: EventEnvelope<BookingEventData>,
  zone: string,
  method: 'PUBLISH' | 'CANCEL',
  templates: HandlerDependencies['templates'],
): MailAttachment {
  const booking = event.data;
  const ics = buildBookingCalendar({
    method,
    bookingId: booking.bookingId,
    sequence: event.version,
    stamp: new Date(event.occurredAt),
    start: new Date(booking.startTime),
    end: new Date(booking.endTime),
    zone,
    summary: `${booking.resourceName} at ${booking.businessName}`,
    location: booking.businessName,
    description: [
      `${booking.resourceName} at ${booking.businessName}`,
      `Total: ${booking.totalPrice} ${booking.currency}`,
      ...(booking.notes?.trim() ? [`Notes: ${booking.notes.trim()}`] : []),
      `Booking reference: ${booking.bookingId}`,
    ].join('\n'),
    organizer: { name: booking.businessName, email: templates.senderAddress },
    productName: templates.productName,
  });
  return {
    filename: BOOKING_ICS_FILENAME,
    content: ics,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
  };
}

/** The statuses in which the customer holds the confirmation's calendar entry. */
const IN_CUSTOMERS_CALENDAR = new Set<BookingEventData['previousStatus']>([
  'CONFIRMED',
  'IN_PROGRESS',
]);

/** The vendor confirmed: the customer gets the details and a calendar file. */
export function bookingConfirmedHandler({
  users,
  delivery,
  templates,
}: HandlerDependencies): NotificationEventHandler {
  return defineHandler(bookingEventData, async (event, context) => {
    const customer = await requireUser(users, event.data.userId);
    const input = mailInput(event, customer, customer, context.logger);
    const mail = renderBookingConfirmedMail(input, templates);
    const attachment = calendarAttachment(event, input.zone, 'PUBLISH', templates);
    await delivery.deliver(
      {
        event,
        userId: customer.id,
        template: TemplateNames.bookingConfirmed,
        mail: { to: customer.email, ...mail, attachments: [attachment] },
      },
      context,
    );
  });
}

export function cancellerOf(booking: BookingEventData): Canceller {
  if (booking.cancelledBy === null) return 'unknown';
  if (booking.cancelledBy === booking.userId) return 'customer';
  if (booking.cancelledBy === booking.vendorId) return 'vendor';
  return 'admin';
}

/**
 * Everyone but the one who cancelled: the vendor when the customer did, the customer when the
 * vendor did, both when an administrator did (or nobody is named). A vendor who booked their own
 * resource is one person and gets one mail.
 */
export function cancellationRecipients(
  booking: BookingEventData,
): { party: BookingParty; userId: string }[] {
  const parties = [
    { party: 'customer' as const, userId: booking.userId },
    { party: 'vendor' as const, userId: booking.vendorId },
  ];
  return parties.filter(
    (p, index) =>
      p.userId !== booking.cancelledBy && parties.findIndex((q) => q.userId === p.userId) === index,
  );
}

const CANCELLED_TEMPLATE = {
  customer: TemplateNames.bookingCancelledToCustomer,
  vendor: TemplateNames.bookingCancelledToVendor,
} as const;

export function bookingCancelledHandler(deps: HandlerDependencies): NotificationEventHandler {
  return defineHandler(bookingEventData, async (event, context) => {
    await mailCancellation(deps, event, context);
  });
}

async function mailCancellation(
  { users, delivery, templates }: HandlerDependencies,
  event: EventEnvelope<BookingEventData>,
  context: EventHandlerContext,
): Promise<void> {
  const booking = event.data;
  const by = cancellerOf(booking);
  const user = await bookingParties(users, booking);
  const customer = user(booking.userId);
  const recipients = cancellationRecipients(booking).map(({ party, userId }) => ({
    party,
    user: user(userId),
  }));
  if (recipients.length === 0) context.logger.debug('Cancelled by its only party; nothing to send');

  // Each mail is tried even if another failed: one refused address must not silence the other
  // party. Their log rows are separate, so the retry skips the one already SENT.
  let failure: Error | undefined;
  for (const { party, user } of recipients) {
    const input = mailInput(event, user, customer, context.logger);
    // The customer of a confirmed booking has it in their calendar: this takes it out again.
    const withdraw = party === 'customer' && IN_CUSTOMERS_CALENDAR.has(booking.previousStatus);
    const mail = renderBookingCancelledMail(input, party, by, templates, { withdraw });
    try {
      await delivery.deliver(
        {
          event,
          userId: user.id,
          template: CANCELLED_TEMPLATE[party],
          mail: {
            to: user.email,
            ...mail,
            ...(withdraw
              ? { attachments: [calendarAttachment(event, input.zone, 'CANCEL', templates)] }
              : {}),
          },
        },
        context,
      );
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error));
    }
  }
  if (failure !== undefined) throw failure;
}
