import { bookingEventData, type BookingEventData } from '@slotwise/contracts';
import { on, type ConsumedEvent, type EventEnvelope } from '@slotwise/platform/events';
import type { DeliveryRequest } from '../../notifications/notification-delivery.service.js';
import type { BookingParty } from '../../templates/booking-cancelled.template.js';
import type { BookingMailInput } from '../../templates/booking-details.js';
import { renderBookingRescheduledMail } from '../../templates/booking-rescheduled.template.js';
import {
  renderBookingConfirmedMail,
  renderBookingRequestedMail,
  renderBookingRequestReceivedMail,
} from '../../templates/booking.templates.js';
import { TemplateNames, type TemplateContext } from '../../templates/template.js';
import type { UserRecord } from '../../users/user.repository.js';
import { calendarAttachment, inCustomersCalendar } from './booking-calendar-attachment.js';
import type { HandlerDependencies } from './handler-dependencies.js';
import {
  bookingParties,
  bookingZone,
  deliverEach,
  distinctParties,
  mailInput,
  requireUser,
} from './booking-mail.shared.js';

/** The confirmation to the customer, with the booking as a calendar file to add. */
function confirmationRequest(
  event: EventEnvelope<BookingEventData>,
  customer: UserRecord,
  input: BookingMailInput,
  templates: TemplateContext,
): DeliveryRequest {
  const mail = renderBookingConfirmedMail(input, templates);
  const attachment = calendarAttachment(event, input.zone, 'PUBLISH', templates);
  return {
    event,
    userId: customer.id,
    template: TemplateNames.bookingConfirmed,
    mail: { to: customer.email, ...mail, attachments: [attachment] },
  };
}

/**
 * A customer booked. The vendor hears of it: a request to confirm or decline when it is PENDING,
 * a new booking when the resource confirmed it on its own. The customer gets either word that the
 * request is waiting for the business, or, auto-confirmed, the confirmation with its calendar file.
 * A vendor booking their own resource gets both: one mail as the business, one as the customer.
 */
export function bookingCreatedHandler({
  users,
  delivery,
  templates,
}: HandlerDependencies): ConsumedEvent<typeof bookingEventData> {
  return on(bookingEventData, async (booking, event, context) => {
    const party = await bookingParties(users, booking);
    const vendor = party(booking.vendorId);
    const customer = party(booking.userId);
    const zone = bookingZone(booking, context.logger);
    const toCustomer = mailInput(booking, zone, customer, customer);
    const requests: DeliveryRequest[] = [
      {
        event,
        userId: vendor.id,
        template: TemplateNames.bookingRequested,
        mail: {
          to: vendor.email,
          ...renderBookingRequestedMail(mailInput(booking, zone, vendor, customer), templates),
        },
      },
      booking.status === 'CONFIRMED'
        ? confirmationRequest(event, customer, toCustomer, templates)
        : {
            event,
            userId: customer.id,
            template: TemplateNames.bookingRequestReceived,
            mail: {
              to: customer.email,
              ...renderBookingRequestReceivedMail(toCustomer, templates),
            },
          },
    ];
    await deliverEach(delivery, requests, context);
  });
}

/** The vendor confirmed: the customer gets the details and a calendar file. */
export function bookingConfirmedHandler({
  users,
  delivery,
  templates,
}: HandlerDependencies): ConsumedEvent<typeof bookingEventData> {
  return on(bookingEventData, async (booking, event, context) => {
    const customer = await requireUser(users, booking.userId);
    const input = mailInput(booking, bookingZone(booking, context.logger), customer, customer);
    await delivery.deliver(confirmationRequest(event, customer, input, templates), context);
  });
}

const RESCHEDULED_TEMPLATE = {
  customer: TemplateNames.bookingRescheduledToCustomer,
  vendor: TemplateNames.bookingRescheduledToVendor,
} as const satisfies Record<BookingParty, string>;

/**
 * The booking's times changed: both parties are told the old and the new time (the event does not
 * say who moved it). A customer who has the confirmed booking in their calendar gets the same
 * calendar entry again with the new times and a higher SEQUENCE, which moves it there.
 */
export function bookingRescheduledHandler({
  users,
  delivery,
  templates,
}: HandlerDependencies): ConsumedEvent<typeof bookingEventData> {
  return on(bookingEventData, async (booking, event, context) => {
    const user = await bookingParties(users, booking);
    const customer = user(booking.userId);
    const zone = bookingZone(booking, context.logger);
    const requests = distinctParties(booking).map(({ party, userId }): DeliveryRequest => {
      const recipient = user(userId);
      const input = mailInput(booking, zone, recipient, customer);
      const update = party === 'customer' && inCustomersCalendar(booking.status);
      const mail = renderBookingRescheduledMail(input, party, templates, { update });
      return {
        event,
        userId: recipient.id,
        template: RESCHEDULED_TEMPLATE[party],
        mail: {
          to: recipient.email,
          ...mail,
          ...(update
            ? { attachments: [calendarAttachment(event, zone, 'PUBLISH', templates)] }
            : {}),
        },
      };
    });
    await deliverEach(delivery, requests, context);
  });
}
