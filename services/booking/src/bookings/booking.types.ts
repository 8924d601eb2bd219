import type {
  BookingPaymentStatus,
  BookingStatus,
  PaymentMode,
  PriceUnit,
} from '@slotwise/contracts';

export { bookingStatuses, type BookingStatus } from '@slotwise/contracts';

/**
 * The statuses that hold a time range: all but CANCELLED and NO_SHOW (API.md). The exclusion
 * constraint's WHERE clause says the same.
 */
export const HOLDING_STATUSES: readonly BookingStatus[] = [
  'PENDING',
  'CONFIRMED',
  'IN_PROGRESS',
  'COMPLETED',
];

/** A booking as the service sees it; money as decimal strings, never floats. */
export interface BookingRecord {
  id: string;
  userId: string;
  vendorId: string;
  businessId: string;
  resourceId: string;
  categoryId: string | null;
  /** Booked as any free unit of its category (a room type): it may move to another unit. */
  pooled: boolean;
  businessName: string;
  resourceName: string;
  resourceType: string;
  priceAtBooking: string;
  priceUnit: PriceUnit;
  currency: string;
  totalPrice: string;
  timezone: string;
  startTime: Date;
  endTime: Date;
  /** The resource's buffer when booked: [startTime, endTime + buffer) is held. */
  bufferMinutes: number;
  status: BookingStatus;
  notes: string | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  cancelledBy: string | null;
  /** When a PENDING booking is cancelled unconfirmed; null once it is not PENDING. */
  expiresAt: Date | null;
  reschedules: number;
  /** The business's payment mode when booked. */
  paymentMode: PaymentMode;
  paymentStatus: BookingPaymentStatus;
  /** The payment event's version `paymentStatus` was last set from (0: none yet). */
  paymentVersion: number;
  /** While a PREPAY booking awaits its payment: when it is released unpaid. */
  paymentDueAt: Date | null;
  /** The business's cancellation policy when booked. */
  freeCancellationHours: number;
  lateRefundPercent: number;
  reminderSentAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface HistoryEntry {
  fromStatus: BookingStatus | null;
  toStatus: BookingStatus;
  changedBy: string | null;
  reason: string | null;
  at: Date;
}

export interface BookingFilter {
  userId?: string;
  vendorId?: string;
  status?: BookingStatus;
  resourceId?: string;
  businessId?: string;
  from?: Date;
  to?: Date;
}

export type BookingSort = 'startTime' | '-startTime' | 'createdAt' | '-createdAt';
