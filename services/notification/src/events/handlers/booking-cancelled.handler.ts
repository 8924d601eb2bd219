import {
  bookingEventData,
  EXPIRED_CANCEL_REASON,
  type BookingEventData,
} from '@slotwise/contracts';
import { on, type ConsumedEvent } from '@slotwise/platform/events';
import type { DeliveryRequest } from '../../notifications/notification-delivery.service.js';
import {
  renderBookingCancelledMail,
  type BookingParty,
  type CancellationKind,
  type Canceller,
} from '../../templates/booking-cancelled.template.js';
import { platformCancelReason } from '../../templates/platform-cancellation.js';
import { TemplateNames, type TemplateName } from '../../templates/template.js';
import { calendarAttachment, inCustomersCalendar } from './booking-calendar-attachment.js';
import type { HandlerDependencies } from './handler-dependencies.js';
import {
  bookingParties,
  bookingZone,
  deliverEach,
  distinctParties,
  mailInput,
} from './booking-mail.shared.js';

export function cancellerOf(booking: BookingEventData): Canceller {
  if (booking.cancelledBy === null) return 'unknown';
  if (booking.cancelledBy === booking.userId) return 'customer';
  if (booking.cancelledBy === booking.vendorId) return 'vendor';
  return 'admin';
}

/**
 * Expired: the platform let go a request nobody confirmed in its window. Platform: the platform
 * cancelled it for a reason of its own (unpaid, its business, resource or customer gone away).
 * Declined: the business turned down a request it had not confirmed. Everything else is a
 * cancellation.
 */
export function cancellationKind(booking: BookingEventData): CancellationKind {
  if (booking.cancelReason === EXPIRED_CANCEL_REASON && booking.cancelledBy === null) {
    return 'expired';
  }
  if (platformCancelReason(booking) !== null) return 'platform';
  if (booking.previousStatus === 'PENDING' && booking.cancelledBy === booking.vendorId) {
    return 'declined';
  }
  return 'cancelled';
}

/**
 * Everyone but the one who cancelled: the vendor when the customer did, the customer when the
 * vendor did, both when an administrator or the platform did (or nobody is named). A vendor who
 * booked their own resource is one person and gets one mail.
 */
export function cancellationRecipients(
  booking: BookingEventData,
): { party: BookingParty; userId: string }[] {
  return distinctParties(booking).filter((p) => p.userId !== booking.cancelledBy);
}

const TEMPLATES: Record<CancellationKind, Record<BookingParty, TemplateName>> = {
  cancelled: {
    customer: TemplateNames.bookingCancelledToCustomer,
    vendor: TemplateNames.bookingCancelledToVendor,
  },
  // The vendor is the one who declined, so is never a recipient; its entry is never used.
  declined: {
    customer: TemplateNames.bookingDeclined,
    vendor: TemplateNames.bookingCancelledToVendor,
  },
  expired: {
    customer: TemplateNames.bookingExpiredToCustomer,
    vendor: TemplateNames.bookingExpiredToVendor,
  },
  // A cancellation still, only worded by its reason: the same mails to operators.
  platform: {
    customer: TemplateNames.bookingCancelledToCustomer,
    vendor: TemplateNames.bookingCancelledToVendor,
  },
};

export function bookingCancelledHandler({
  users,
  delivery,
  templates,
}: HandlerDependencies): ConsumedEvent<typeof bookingEventData> {
  return on(bookingEventData, async (booking, event, context) => {
    const by = cancellerOf(booking);
    const kind = cancellationKind(booking);
    const user = await bookingParties(users, booking);
    const customer = user(booking.userId);
    const zone = bookingZone(booking, context.logger);
    const requests = cancellationRecipients(booking).map(({ party, userId }): DeliveryRequest => {
      const recipient = user(userId);
      const input = mailInput(booking, zone, recipient, customer);
      // The customer of a confirmed booking has it in their calendar: this takes it out again.
      const withdraw = party === 'customer' && inCustomersCalendar(booking.previousStatus);
      const mail = renderBookingCancelledMail(input, party, by, templates, { withdraw, kind });
      return {
        event,
        userId: recipient.id,
        template: TEMPLATES[kind][party],
        mail: {
          to: recipient.email,
          ...mail,
          ...(withdraw
            ? { attachments: [calendarAttachment(event, zone, 'CANCEL', templates)] }
            : {}),
        },
      };
    });
    if (requests.length === 0) context.logger.debug('Cancelled by its only party; nothing to send');
    await deliverEach(delivery, requests, context);
  });
}
