import { bookingEventData } from '@slotwise/contracts';
import { on, type ConsumedEvent } from '@slotwise/platform/events';
import { renderBookingReminderMail } from '../../templates/booking-reminder.template.js';
import { TemplateNames } from '../../templates/template.js';
import { bookingZone, mailInput, requireUser } from './booking-mail.shared.js';
import type { HandlerDependencies } from './handler-dependencies.js';

/**
 * A confirmed booking starts within a day: the customer is reminded, in the business's time zone.
 * "Tomorrow" is counted from the event's time, so a retry sent later still says the same.
 */
export function bookingReminderDueHandler({
  users,
  delivery,
  templates,
}: HandlerDependencies): ConsumedEvent<typeof bookingEventData> {
  return on(bookingEventData, async (booking, event, context) => {
    const customer = await requireUser(users, booking.userId);
    const input = mailInput(booking, bookingZone(booking, context.logger), customer, customer);
    const mail = renderBookingReminderMail(input, new Date(event.occurredAt), templates);
    await delivery.deliver(
      {
        event,
        userId: customer.id,
        template: TemplateNames.bookingReminder,
        mail: { to: customer.email, ...mail },
      },
      context,
    );
  });
}
