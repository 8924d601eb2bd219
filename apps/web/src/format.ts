import type { Booking } from './api/client';

/** Dates and times shown in a given time zone (the business's), in the visitor's language. */
export function formatTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

export function formatDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone,
  }).format(new Date(iso));
}

export function formatDateTime(iso: string, timeZone: string): string {
  return `${formatDay(iso, timeZone)}, ${formatTime(iso, timeZone)}`;
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone, to group slots by day. */
export function dayKey(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

const BOOKING_STATUS: Record<Booking['status'], string> = {
  PENDING: 'Waiting for the business to confirm',
  CONFIRMED: 'Confirmed',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  NO_SHOW: 'No-show',
};

/** A booking's status in words: a PENDING one paid up front waits for its payment first. */
export function bookingStatusText(booking: Pick<Booking, 'status' | 'paymentStatus'>): string {
  if (booking.status === 'PENDING' && booking.paymentStatus === 'PENDING') {
    return 'Held for you until paid';
  }
  return BOOKING_STATUS[booking.status];
}

/** Where a booking's payment stands, in words (a POSTPAY booking is paid after the visit). */
export function paymentStatusText(booking: Pick<Booking, 'paymentMode' | 'paymentStatus'>): string {
  switch (booking.paymentStatus) {
    case 'NOT_REQUIRED':
      return booking.paymentMode === 'POSTPAY' ? 'Paid after your visit' : 'Nothing to pay';
    case 'PENDING':
      return 'Waiting for payment';
    case 'PAID':
      return 'Paid';
    case 'FAILED':
      return 'Payment failed';
    case 'REFUNDED':
      return 'Refunded';
    case 'PARTIALLY_REFUNDED':
      return 'Partly refunded';
  }
}
