import { randomUUID } from 'node:crypto';
import {
  EXPIRED_CANCEL_REASON,
  EventTypes,
  PAYMENT_EXPIRED_CANCEL_REASON,
} from '@slotwise/contracts';
import { forbidden } from '@slotwise/platform/errors';
import { BookingErrors } from '../booking.errors.js';
import type { ResourceCatalog } from '../resources/resource-catalog.js';
import { placementRefusal } from '../rules/placement.js';
import { bookingEvent } from './booking-events.js';
import { checkTransition, type Actor, type BookingAction } from './booking-state.js';
import type { BookingRepository } from './booking.repository.js';
import { assertTimes, type BookingService, type Caller } from './booking.service.js';
import type { BookingRecord } from './booking.types.js';
import { totalPrice } from './pricing.js';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** How early a guest may check in (API.md lifecycle). */
const CHECK_IN_EARLY_MS = HOUR_MS;

const ACTION_WORDS: Record<BookingAction, string> = {
  confirm: 'confirmed',
  'check-in': 'checked in',
  complete: 'completed',
  'no-show': 'marked a no-show',
  cancel: 'cancelled',
};

/** Moving bookings through their life: status changes, reschedules, and expiry of requests. */
export class BookingChanges {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly reader: BookingService,
    private readonly catalog: ResourceCatalog,
    private readonly policy: { maxDurationDays: number },
  ) {}

  async transition(
    caller: Caller,
    id: string,
    action: BookingAction,
    reason?: string,
    requestId?: string,
  ): Promise<BookingRecord> {
    const booking = await this.reader.get(caller, id);
    const check = checkTransition(action, booking.status, actorOf(caller, booking));
    if (!check.ok && check.reason === 'forbidden') {
      throw forbidden(
        action === 'cancel'
          ? 'Only the customer, the business or an admin may cancel this booking'
          : `Only the business or an admin may record that a booking is ${ACTION_WORDS[action]}`,
      );
    }
    if (!check.ok) {
      const status = booking.status.replace('_', '-');
      throw invalid(
        `A ${status} booking cannot be ${ACTION_WORDS[action]}${action === 'confirm' && booking.status === 'CONFIRMED' ? ' again' : ''}`,
        booking,
        action,
      );
    }
    const now = Date.now();
    const start = booking.startTime.getTime();
    if (action === 'no-show' && now < start) {
      throw invalid('A no-show can only be recorded after the booking starts', booking, action);
    }
    if (action === 'check-in' && now < start - CHECK_IN_EARLY_MS) {
      throw invalid('Check-in opens one hour before the booking starts', booking, action);
    }
    if (action === 'complete' && now < start) {
      throw invalid('A booking cannot be completed before it starts', booking, action);
    }
    if (action === 'confirm' && booking.paymentStatus === 'PENDING') {
      throw invalid('A booking cannot be confirmed before it is paid', booking, action);
    }
    const at = new Date(now);
    const next: BookingRecord = {
      ...booking,
      status: check.to,
      version: booking.version + 1,
      updatedAt: at,
      expiresAt: null,
      ...(action === 'cancel'
        ? {
            cancelledAt: at,
            cancelReason: reason ?? null,
            cancelledBy: caller.id,
            paymentDueAt: null,
          }
        : {}),
    };
    const changed = await this.bookings.transition(
      next,
      booking.version,
      booking.status,
      { id: randomUUID(), changedBy: caller.id, reason: reason ?? null },
      bookingEvent(check.event, next, booking.status, requestId),
    );
    if (!changed) throw invalid('The booking changed meanwhile; read it again', booking, action);
    return next;
  }

  /**
   * New times for a PENDING or CONFIRMED booking, under every rule and the no-overlap guarantee;
   * a pooled booking may move to another unit of its type when its own is taken. On any refusal
   * the booking is as it was.
   */
  async reschedule(
    caller: Caller,
    id: string,
    times: { startTime: string; endTime: string },
    requestId?: string,
  ): Promise<BookingRecord> {
    const booking = await this.reader.get(caller, id);
    const actor = actorOf(caller, booking);
    if (booking.status !== 'PENDING' && booking.status !== 'CONFIRMED') {
      throw invalid(`A ${booking.status} booking cannot be rescheduled`, booking, 'reschedule');
    }
    const now = Date.now();
    // The business's cancellation policy when booked says until when a customer may move it.
    const limitHours = booking.freeCancellationHours;
    if (actor === 'customer' && booking.startTime.getTime() - now < limitHours * HOUR_MS) {
      throw forbidden(
        `Customers may reschedule until ${limitHours} hours before the start; ask the business`,
      );
    }
    const start = new Date(times.startTime);
    const end = new Date(times.endTime);
    assertTimes(start, end, this.policy.maxDurationDays);

    const own = await this.catalog.get(booking.resourceId, requestId);
    const others =
      booking.pooled && booking.categoryId
        ? ((await this.catalog.category(booking.categoryId, requestId)) ?? [])
        : [];
    const units = [...(own ? [own] : []), ...others.filter((u) => u.id !== booking.resourceId)];
    let refusal: Error | null = null;
    let taken = false;
    for (const unit of units) {
      const refused = placementRefusal(unit, start.getTime(), end.getTime(), now);
      if (refused) {
        refusal ??= refused;
        continue;
      }
      const at = new Date(now);
      const window = unit.business.confirmationWindowMinutes * MINUTE_MS;
      const next: BookingRecord = {
        ...booking,
        resourceId: unit.id,
        resourceName: unit.name,
        startTime: start,
        endTime: end,
        bufferMinutes: unit.bookingRules.bufferMinutes,
        // The price per unit is the one agreed; the total follows the new times.
        totalPrice: totalPrice(
          booking.priceAtBooking,
          booking.priceUnit,
          start,
          end,
          booking.timezone,
        ),
        expiresAt:
          booking.status !== 'PENDING'
            ? null
            : new Date(
                Math.min(
                  booking.paymentDueAt?.getTime() ?? booking.createdAt.getTime() + window,
                  start.getTime(),
                ),
              ),
        paymentDueAt:
          booking.paymentDueAt &&
          new Date(Math.min(booking.paymentDueAt.getTime(), start.getTime())),
        reschedules: booking.reschedules + 1,
        version: booking.version + 1,
        updatedAt: at,
      };
      const outcome = await this.bookings.reschedule(
        next,
        booking.version,
        { id: randomUUID(), changedBy: caller.id, reason: 'RESCHEDULED' },
        bookingEvent(EventTypes.bookingRescheduled, next, booking.status, requestId, booking),
      );
      if (outcome === 'moved') return next;
      if (outcome === 'changed-meanwhile') {
        throw invalid('The booking changed meanwhile; read it again', booking, 'reschedule');
      }
      taken = true;
    }
    if (taken || !refusal) {
      throw BookingErrors.create('BOOKING_CONFLICT', 'That time is already booked', {
        details: {
          resourceId: booking.resourceId,
          startTime: times.startTime,
          endTime: times.endTime,
        },
      });
    }
    throw refusal;
  }

  /**
   * Cancels the PENDING bookings whose time ran out: nobody confirmed the request in time
   * (reason EXPIRED), or nobody paid within the payment window (PAYMENT_EXPIRED), by the
   * platform. Safe to run anywhere at once: each change is guarded by the booking's version, so
   * of two runners only one cancels a booking (and only one event, so one mail, follows).
   */
  async expireUnconfirmed(limit = 100): Promise<number> {
    let expired = 0;
    for (const booking of await this.bookings.findExpired(new Date(), limit)) {
      const reason =
        booking.paymentStatus === 'PENDING' ? PAYMENT_EXPIRED_CANCEL_REASON : EXPIRED_CANCEL_REASON;
      if (await this.cancelByPlatform(booking, reason)) expired += 1;
    }
    return expired;
  }

  /**
   * The platform cancels a PENDING or CONFIRMED booking (an expiry, a declined payment, its
   * business suspended…), with `reason` and no user. False when it changed meanwhile (the
   * caller reads it again if it still matters). Its `booking.cancelled` event brings the refund
   * (in full: a platform cancellation) and the customer's mail.
   */
  async cancelByPlatform(
    booking: BookingRecord,
    reason: string,
    changes: Partial<Pick<BookingRecord, 'paymentStatus'>> = {},
    requestId?: string,
  ): Promise<boolean> {
    const now = new Date();
    const next: BookingRecord = {
      ...booking,
      ...changes,
      status: 'CANCELLED',
      cancelledAt: now,
      cancelReason: reason,
      cancelledBy: null,
      expiresAt: null,
      paymentDueAt: null,
      version: booking.version + 1,
      updatedAt: now,
    };
    return this.bookings.transition(
      next,
      booking.version,
      booking.status,
      { id: randomUUID(), changedBy: null, reason },
      bookingEvent(EventTypes.bookingCancelled, next, booking.status, requestId),
    );
  }
}

function actorOf(caller: Caller, booking: BookingRecord): Actor {
  if (caller.role === 'ADMIN') return 'admin';
  return caller.id === booking.vendorId ? 'owner' : 'customer';
}

const invalid = (message: string, booking: BookingRecord, action: string) =>
  BookingErrors.create('INVALID_STATUS_TRANSITION', message, {
    details: { status: booking.status, action },
  });
