import {
  PAYMENT_EXPIRED_CANCEL_REASON,
  PAYMENT_FAILED_CANCEL_REASON,
  type BookingPaymentStatus,
  type PaymentEventData,
} from '@slotwise/contracts';
import { randomUUID } from 'node:crypto';
import { EventTypes } from '@slotwise/contracts';
import type { BookingChanges } from '../bookings/booking-changes.service.js';
import { bookingEvent } from '../bookings/booking-events.js';
import type { BookingRepository } from '../bookings/booking.repository.js';
import type { BookingRecord } from '../bookings/booking.types.js';
import type { ResourceCatalog } from '../resources/resource-catalog.js';

const MINUTE_MS = 60_000;
/** Version conflicts with a concurrent change before giving the event back for a retry. */
const ATTEMPTS = 5;

/** A payment event as booking reads it: its data and the payment's version. */
export interface PaymentNews {
  data: PaymentEventData;
  version: number;
}

/**
 * The booking side of the payment saga: `paymentStatus` kept from the payment service's events
 * (each applied once, and only when newer than the one it was last set from, since a retry can
 * reorder them), a paid PREPAY booking confirmed under autoConfirm, and the compensation: a
 * declined PREPAY payment releases its booking (cancelled by the platform, PAYMENT_FAILED).
 */
export class BookingPayments {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly changes: BookingChanges,
    private readonly catalog: ResourceCatalog,
  ) {}

  /** `payment.created`: a payment waits (POSTPAY after completion, or a retry). */
  created(news: PaymentNews): Promise<void> {
    return this.apply(news, async (booking) => this.setStatus(booking, news, 'PENDING'));
  }

  /** `payment.succeeded`: PAID; a PENDING booking is then confirmed under autoConfirm. */
  succeeded(news: PaymentNews, requestId?: string): Promise<void> {
    return this.apply(news, async (booking) => {
      if (booking.status !== 'PENDING') return this.setStatus(booking, news, 'PAID');
      const unit = await this.catalog.get(booking.resourceId, requestId);
      const now = new Date();
      if (unit?.bookingRules.autoConfirm) {
        const next: BookingRecord = {
          ...paid(booking, news),
          status: 'CONFIRMED',
          expiresAt: null,
          version: booking.version + 1,
          updatedAt: now,
        };
        return this.bookings.transition(
          next,
          booking.version,
          'PENDING',
          { id: randomUUID(), changedBy: null, reason: 'PAID' },
          bookingEvent(EventTypes.bookingConfirmed, next, 'PENDING', requestId),
        );
      }
      // Paid, and now the business confirms it within its usual window (or it expires).
      const window = (unit?.business.confirmationWindowMinutes ?? 1_440) * MINUTE_MS;
      const expiresAt = new Date(Math.min(now.getTime() + window, booking.startTime.getTime()));
      return this.bookings.updatePayment(
        { ...paid(booking, news), expiresAt, version: booking.version + 1, updatedAt: now },
        booking.version,
      );
    });
  }

  /**
   * `payment.failed`: a declined (PAYMENT_FAILED) or expired (PAYMENT_EXPIRED) PREPAY payment
   * cancels its still-held booking (the saga's compensation: the time is free again); otherwise
   * the booking only learns that it failed.
   */
  failed(news: PaymentNews & { reason?: string }, requestId?: string): Promise<void> {
    return this.apply(news, async (booking) => {
      const held = booking.status === 'PENDING' || booking.status === 'CONFIRMED';
      if (held && booking.paymentMode === 'PREPAY') {
        // Whichever side notices the deadline first, the booking says why the same way.
        const reason =
          news.reason === 'EXPIRED' ? PAYMENT_EXPIRED_CANCEL_REASON : PAYMENT_FAILED_CANCEL_REASON;
        return this.changes.cancelByPlatform(
          { ...booking, paymentVersion: news.version },
          reason,
          { paymentStatus: 'FAILED' },
          requestId,
        );
      }
      return this.setStatus(booking, news, 'FAILED');
    });
  }

  /** `payment.refunded`: REFUNDED or PARTIALLY_REFUNDED, as the payment now is. */
  refunded(news: PaymentNews): Promise<void> {
    const status = news.data.status === 'REFUNDED' ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    return this.apply(news, async (booking) => this.setStatus(booking, news, status));
  }

  private setStatus(
    booking: BookingRecord,
    news: PaymentNews,
    paymentStatus: BookingPaymentStatus,
  ): Promise<boolean> {
    return this.bookings.updatePayment(
      {
        ...booking,
        paymentStatus,
        paymentVersion: news.version,
        paymentDueAt: paymentStatus === 'PENDING' ? booking.paymentDueAt : null,
        version: booking.version + 1,
        updatedAt: new Date(),
      },
      booking.version,
    );
  }

  /**
   * Reads the booking and applies `change` when the event is newer than what the booking holds;
   * a concurrent change (the version moved) means reading it again.
   */
  private async apply(
    news: PaymentNews,
    change: (booking: BookingRecord) => Promise<boolean>,
  ): Promise<void> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const booking = await this.bookings.findById(news.data.bookingId);
      // Unknown: a payment for a booking this database never had (nothing to do), or a newer
      // payment event was applied already.
      if (!booking || booking.paymentVersion >= news.version) return;
      if (await change(booking)) return;
    }
    throw new Error(`booking ${news.data.bookingId} kept changing; the event will be retried`);
  }
}

const paid = (booking: BookingRecord, news: PaymentNews): BookingRecord => ({
  ...booking,
  paymentStatus: 'PAID',
  paymentVersion: news.version,
  paymentDueAt: null,
});
