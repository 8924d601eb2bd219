import { EventTypes } from '@slotwise/contracts';
import type { HandlerDependencies, HandlerRegistry } from '../handler-registry.js';
import { bookingCancelledHandler } from './booking-cancelled.handler.js';
import {
  bookingConfirmedHandler,
  bookingCreatedHandler,
  bookingRescheduledHandler,
} from './booking-mail.handlers.js';
import { businessStatusChangedHandler, businessVerifiedHandler } from './business-mail.handlers.js';
import { userOtpRequestedHandler } from './user-otp-requested.handler.js';
import {
  userDeletedHandler,
  userRegisteredHandler,
  userStatusChangedHandler,
  userUpdatedHandler,
} from './user-read-model.handlers.js';
import { userVerifiedHandler } from './user-verified.handler.js';

/**
 * The queue's bindings. A type matched here without an entry below is acknowledged and ignored
 * (e.g. user.password_changed); an entry whose type is matched by none fails the start.
 */
export const SUBSCRIBED_PATTERNS: readonly string[] = ['user.*', 'business.*', 'booking.*'];

/**
 * What this service does with each event type: one entry each. Business and booking events carry
 * user ids only; their recipients come from the user read model (`users.findById`).
 */
export function buildHandlerRegistry(deps: HandlerDependencies): HandlerRegistry {
  return {
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
  };
}
