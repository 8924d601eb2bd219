import { EventTypes } from '@slotwise/contracts';
import { defineConsumer, type Consumer, type RetryPolicy } from '@slotwise/platform/events';
import { bookingCancelledHandler } from './handlers/booking-cancelled.handler.js';
import {
  bookingConfirmedHandler,
  bookingCreatedHandler,
  bookingRescheduledHandler,
} from './handlers/booking-mail.handlers.js';
import { bookingReminderDueHandler } from './handlers/booking-reminder.handler.js';
import {
  businessStatusChangedHandler,
  businessVerifiedHandler,
} from './handlers/business-mail.handlers.js';
import type { HandlerDependencies } from './handlers/handler-dependencies.js';
import {
  paymentCreatedHandler,
  paymentFailedHandler,
  paymentRefundedHandler,
  paymentSucceededHandler,
} from './handlers/payment-mail.handlers.js';
import { resourceStatusChangedHandler } from './handlers/resource-mail.handlers.js';
import { userOtpRequestedHandler } from './handlers/user-otp-requested.handler.js';
import {
  userDeletedHandler,
  userRegisteredHandler,
  userStatusChangedHandler,
  userUpdatedHandler,
} from './handlers/user-read-model.handlers.js';
import { userVerifiedHandler } from './handlers/user-verified.handler.js';

export interface NotificationConsumerOptions {
  retry: RetryPolicy;
  /**
   * Events handled at once, those of one aggregate (a booking, a user) one after another, in order
   * (a booking's confirmation before its cancellation). A mail mostly waits on SMTP and the
   * database, so more than one at a time drains a backlog faster.
   */
  concurrency: number;
}

/**
 * What this service does with each event type, one entry each; its queue (`<prefix>.notification`)
 * is bound to exactly these. Business, resource, booking and payment events carry user ids only:
 * their recipients come from the user read model, which the `user.*` entries keep. The read
 * model's entries write the inbox themselves (users.apply); a mail is sent once by its delivery
 * log row (event id, template), as an SMTP send cannot share a transaction with an inbox row.
 */
export function notificationConsumer(
  deps: HandlerDependencies,
  options: NotificationConsumerOptions,
): Consumer {
  return defineConsumer({
    name: 'notification',
    events: {
      [EventTypes.userRegistered]: userRegisteredHandler(deps),
      [EventTypes.userVerified]: userVerifiedHandler(deps),
      [EventTypes.userUpdated]: userUpdatedHandler(deps),
      [EventTypes.userStatusChanged]: userStatusChangedHandler(deps),
      [EventTypes.userDeleted]: userDeletedHandler(deps),
      [EventTypes.userOtpRequested]: userOtpRequestedHandler(deps),
      [EventTypes.businessVerified]: businessVerifiedHandler(deps),
      [EventTypes.businessStatusChanged]: businessStatusChangedHandler(deps),
      [EventTypes.bookingCreated]: bookingCreatedHandler(deps),
      [EventTypes.bookingConfirmed]: bookingConfirmedHandler(deps),
      [EventTypes.bookingCancelled]: bookingCancelledHandler(deps),
      [EventTypes.bookingRescheduled]: bookingRescheduledHandler(deps),
      [EventTypes.bookingReminderDue]: bookingReminderDueHandler(deps),
      [EventTypes.paymentCreated]: paymentCreatedHandler(deps),
      [EventTypes.paymentSucceeded]: paymentSucceededHandler(deps),
      [EventTypes.paymentFailed]: paymentFailedHandler(deps),
      [EventTypes.paymentRefunded]: paymentRefundedHandler(deps),
      [EventTypes.resourceStatusChanged]: resourceStatusChangedHandler(deps),
    },
    retry: options.retry,
    concurrency: options.concurrency,
    prefetch: 32,
  });
}
