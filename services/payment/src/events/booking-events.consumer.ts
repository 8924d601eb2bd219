import { bookingEventData, EventTypes, type BookingEventData } from '@slotwise/contracts';
import { defineConsumer, type Consumer, type EventEnvelope } from '@slotwise/platform/events';
import type { PaymentService } from '../payments/payment.service.js';
import type { RefundService } from '../refunds/refund.service.js';

const HOUR_MS = 3_600_000;

/**
 * The percent of a paid booking a cancellation gives back (API.md, cancellationPolicy): in full
 * when the business, an admin or the platform cancelled, or the customer did at least
 * `freeCancellationHours` before the start; `lateRefundPercent` when the customer did later.
 */
export function cancellationRefundPercent(booking: BookingEventData, cancelledAt: Date): number {
  if (booking.cancelledBy !== booking.userId) return 100;
  const notice = Date.parse(booking.startTime) - cancelledAt.getTime();
  const { freeCancellationHours, lateRefundPercent } = booking.cancellationPolicy;
  return notice >= freeCancellationHours * HOUR_MS ? 100 : lateRefundPercent;
}

const description = (booking: BookingEventData): string =>
  `${booking.resourceName}, ${booking.startTime.slice(0, 16).replace('T', ' ')} UTC`;

const charge = (booking: BookingEventData, kind: 'PREPAY' | 'POSTPAY') => ({
  bookingId: booking.bookingId,
  kind,
  userId: booking.userId,
  businessId: booking.businessId,
  vendorId: booking.vendorId,
  amount: booking.totalPrice,
  currency: booking.currency,
  businessName: booking.businessName,
  description: description(booking),
  // The booking's deadline is the payment's: both sides give up at the same instant.
  dueAt: booking.paymentDueAt,
});

/**
 * The payment side of the booking saga. Each effect is idempotent by itself (one payment per
 * booking and kind, one cancellation refund per payment), so a redelivered event does nothing
 * more and no inbox is needed:
 * - `booking.created` of a PREPAY booking: its payment and checkout;
 * - `booking.completed` of a POSTPAY booking: its payment, the link mailed to the customer;
 * - `booking.cancelled`: a payment still waiting is cancelled (its checkout closes); a paid one
 *   is refunded as the cancellation policy the booking was made under says.
 */
export function bookingEventsConsumer(deps: {
  payments: PaymentService;
  refunds: RefundService;
}): Consumer {
  const { payments, refunds } = deps;
  return defineConsumer({
    name: 'payment',
    events: {
      [EventTypes.bookingCreated]: {
        schema: bookingEventData,
        handle: async (booking, event, { logger }) => {
          if (booking.paymentMode !== 'PREPAY' || booking.paymentStatus !== 'PENDING') return;
          const { created } = await payments.createForBooking(
            charge(booking, 'PREPAY'),
            event.requestId,
          );
          if (created) logger.info('PREPAY payment created');
        },
      },
      [EventTypes.bookingCompleted]: {
        schema: bookingEventData,
        handle: async (booking, event, { logger }) => {
          if (booking.paymentMode !== 'POSTPAY' || Number(booking.totalPrice) <= 0) return;
          const { created } = await payments.createForBooking(
            charge(booking, 'POSTPAY'),
            event.requestId,
          );
          if (created) logger.info('POSTPAY payment created');
        },
      },
      [EventTypes.bookingCancelled]: {
        schema: bookingEventData,
        handle: async (booking, event: EventEnvelope<BookingEventData>, { logger }) => {
          const reason = booking.cancelReason ?? 'CANCELLED';
          await payments.cancelPending(booking.bookingId, reason, event.requestId);
          const percent = cancellationRefundPercent(booking, new Date(event.occurredAt));
          if (percent === 0) return;
          const done = await refunds.refundForCancellation(
            { bookingId: booking.bookingId, percent, reason: `Booking cancelled: ${reason}` },
            event.requestId,
          );
          if (done.length > 0) logger.info({ percent }, 'Cancelled booking refunded');
        },
      },
    },
    concurrency: 4,
  });
}
