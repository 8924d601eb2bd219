import type { Booking } from '../api/client';

const HOUR_MS = 3_600_000;

/**
 * The percent of what was paid that the booking's cancellation policy gives back when its
 * customer cancels at `now` (API.md, cancellationPolicy): all of it at least
 * `freeCancellationHours` before the start, `lateRefundPercent` later. The payment service
 * decides the same way; this only says it beforehand.
 */
export function refundPercent(booking: Booking, now: number): number {
  const { freeCancellationHours, lateRefundPercent } = booking.cancellationPolicy;
  const notice = Date.parse(booking.startTime) - now;
  return notice >= freeCancellationHours * HOUR_MS ? 100 : lateRefundPercent;
}

/** `percent` % of a money string ("40.00"), rounded down to the cent as refunds are. */
export function shareOf(amount: string, percent: number): string {
  const [whole = '0', cents = '0'] = amount.split('.');
  const minor = (BigInt(whole) * 100n + BigInt(cents.padEnd(2, '0'))) * BigInt(percent);
  const share = minor / 100n;
  return `${share / 100n}.${(share % 100n).toString().padStart(2, '0')}`;
}

/**
 * What cancelling now gives back of `paid` (the amount paid), in words; null when nothing is paid
 * through the platform, as then money is not the platform's business.
 */
export function refundOnCancel(booking: Booking, paid: string, now: number): string | null {
  if (booking.paymentMode === 'NONE') return null;
  if (booking.paymentStatus !== 'PAID') return 'Nothing has been paid, so nothing is refunded.';
  const percent = refundPercent(booking, now);
  const late = `you cancel less than ${booking.cancellationPolicy.freeCancellationHours} hours before the start`;
  if (percent === 100) return `Full refund: ${paid} ${booking.currency}.`;
  if (percent === 0) return `No refund: ${late}.`;
  return `${percent} % refund (${shareOf(paid, percent)} ${booking.currency}): ${late}.`;
}
