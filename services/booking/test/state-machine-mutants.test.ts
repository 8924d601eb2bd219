import {
  bookingStatuses,
  EventTypes,
  type BookingStatus,
  type EventType,
} from '@slotwise/contracts';
import { describe, expect, it } from 'vitest';
import {
  checkTransition,
  type Actor,
  type BookingAction,
  type TransitionCheck,
} from '../src/bookings/booking-state.js';

/**
 * The lifecycle of docs/API.md (Bookings), written out independently of TRANSITIONS so that every
 * cell of action × status × actor is checked, not only the paths the HTTP tests walk.
 * Mutation testing (docs/MUTATION.md) found cells the HTTP tests leave unpinned, e.g. staff cancelling
 * an IN_PROGRESS booking being refused as the customer is.
 */
const staff: Actor[] = ['owner', 'admin'];
const contract: Record<
  BookingAction,
  { to: BookingStatus; event: EventType; from: Record<Actor, BookingStatus[] | 'forbidden'> }
> = {
  confirm: {
    to: 'CONFIRMED',
    event: EventTypes.bookingConfirmed,
    from: { customer: 'forbidden', owner: ['PENDING'], admin: ['PENDING'] },
  },
  'check-in': {
    to: 'IN_PROGRESS',
    event: EventTypes.bookingCheckedIn,
    from: { customer: 'forbidden', owner: ['CONFIRMED'], admin: ['CONFIRMED'] },
  },
  complete: {
    to: 'COMPLETED',
    event: EventTypes.bookingCompleted,
    from: { customer: 'forbidden', owner: ['IN_PROGRESS'], admin: ['IN_PROGRESS'] },
  },
  'no-show': {
    to: 'NO_SHOW',
    event: EventTypes.bookingNoShow,
    from: { customer: 'forbidden', owner: ['CONFIRMED'], admin: ['CONFIRMED'] },
  },
  cancel: {
    to: 'CANCELLED',
    event: EventTypes.bookingCancelled,
    // The customer cannot cancel a booking already under way; staff can (an emergency).
    from: {
      customer: ['PENDING', 'CONFIRMED'],
      owner: ['PENDING', 'CONFIRMED', 'IN_PROGRESS'],
      admin: ['PENDING', 'CONFIRMED', 'IN_PROGRESS'],
    },
  },
};

function expected(action: BookingAction, from: BookingStatus, actor: Actor): TransitionCheck {
  const { to, event, from: allowed } = contract[action];
  if (allowed[actor] === 'forbidden') return { ok: false, reason: 'forbidden' };
  return allowed[actor].includes(from) ? { ok: true, to, event } : { ok: false, reason: 'invalid' };
}

const cells = (Object.keys(contract) as BookingAction[]).flatMap((action) =>
  bookingStatuses.flatMap((from) =>
    (['customer', ...staff] as Actor[]).map((actor) => [action, from, actor] as const),
  ),
);

describe('checkTransition', () => {
  it.each(cells)('%s from %s by the %s follows the API contract', (action, from, actor) => {
    expect(checkTransition(action, from, actor)).toEqual(expected(action, from, actor));
  });

  it('refuses the customer the staff actions even from a status that allows them (403, not 409)', () => {
    expect(checkTransition('confirm', 'PENDING', 'customer')).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(checkTransition('complete', 'CANCELLED', 'customer')).toEqual({
      ok: false,
      reason: 'forbidden',
    });
  });

  it('lets nobody out of a final status', () => {
    const fromFinal = cells.filter(([, from]) =>
      ['COMPLETED', 'CANCELLED', 'NO_SHOW'].includes(from),
    );
    expect(fromFinal).toHaveLength(5 * 3 * 3);
    for (const [action, from, actor] of fromFinal) {
      expect(checkTransition(action, from, actor).ok).toBe(false);
    }
  });
});
