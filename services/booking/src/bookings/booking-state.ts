import { EventTypes, type EventType } from '@slotwise/contracts';
import type { BookingStatus } from './booking.types.js';

export type BookingAction = 'confirm' | 'check-in' | 'complete' | 'no-show' | 'cancel';
export type Actor = 'customer' | 'owner' | 'admin';

interface Transition {
  from: readonly BookingStatus[];
  to: BookingStatus;
  /** Who may take it; the customer only ever cancels. */
  by: readonly Actor[];
  event: EventType;
}

/**
 * The booking lifecycle, in one table. Anything not here is 409 INVALID_STATUS_TRANSITION.
 * The customer cancels their own PENDING or CONFIRMED booking; the business owner and ADMIN can
 * also cancel one that is IN_PROGRESS (any booking still holding its time).
 */
export const TRANSITIONS: Record<BookingAction, Transition> = {
  confirm: {
    from: ['PENDING'],
    to: 'CONFIRMED',
    by: ['owner', 'admin'],
    event: EventTypes.bookingConfirmed,
  },
  'check-in': {
    from: ['CONFIRMED'],
    to: 'IN_PROGRESS',
    by: ['owner', 'admin'],
    event: EventTypes.bookingCheckedIn,
  },
  complete: {
    from: ['IN_PROGRESS'],
    to: 'COMPLETED',
    by: ['owner', 'admin'],
    event: EventTypes.bookingCompleted,
  },
  'no-show': {
    from: ['CONFIRMED'],
    to: 'NO_SHOW',
    by: ['owner', 'admin'],
    event: EventTypes.bookingNoShow,
  },
  cancel: {
    from: ['PENDING', 'CONFIRMED', 'IN_PROGRESS'],
    to: 'CANCELLED',
    by: ['customer', 'owner', 'admin'],
    event: EventTypes.bookingCancelled,
  },
};

export type TransitionCheck =
  | { ok: true; to: BookingStatus; event: EventType }
  | { ok: false; reason: 'forbidden' | 'invalid' };

export function checkTransition(
  action: BookingAction,
  from: BookingStatus,
  actor: Actor,
): TransitionCheck {
  const transition = TRANSITIONS[action];
  if (!transition.by.includes(actor)) return { ok: false, reason: 'forbidden' };
  const allowedFrom =
    action === 'cancel' && actor === 'customer' ? ['PENDING', 'CONFIRMED'] : transition.from;
  if (!allowedFrom.includes(from)) return { ok: false, reason: 'invalid' };
  return { ok: true, to: transition.to, event: transition.event };
}
