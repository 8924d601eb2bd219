/**
 * Every event type that crosses a service boundary, by its routing key. A consumer binds to these
 * names, so renaming one is a breaking change: add a new type instead.
 */
export const EventTypes = {
  userRegistered: 'user.registered',
  userVerified: 'user.verified',
  userOtpRequested: 'user.otp_requested',
  userPasswordChanged: 'user.password_changed',
  userStatusChanged: 'user.status_changed',
  userDeleted: 'user.deleted',
  userUpdated: 'user.updated',
  businessCreated: 'business.created',
  businessVerified: 'business.verified',
  businessStatusChanged: 'business.status_changed',
  businessDeleted: 'business.deleted',
  businessUpdated: 'business.updated',
  businessScheduleChanged: 'business.schedule_changed',
  resourceCreated: 'resource.created',
  resourceUpdated: 'resource.updated',
  resourceStatusChanged: 'resource.status_changed',
  resourceDeleted: 'resource.deleted',
  bookingCreated: 'booking.created',
  bookingConfirmed: 'booking.confirmed',
  bookingCheckedIn: 'booking.checked_in',
  bookingCompleted: 'booking.completed',
  bookingCancelled: 'booking.cancelled',
  bookingNoShow: 'booking.no_show',
  bookingRescheduled: 'booking.rescheduled',
  /** A CONFIRMED booking starts within a day: time to remind the customer (sent once). */
  bookingReminderDue: 'booking.reminder_due',
  paymentCreated: 'payment.created',
  paymentSucceeded: 'payment.succeeded',
  paymentFailed: 'payment.failed',
  paymentRefunded: 'payment.refunded',
} as const;

export type EventType = (typeof EventTypes)[keyof typeof EventTypes];
