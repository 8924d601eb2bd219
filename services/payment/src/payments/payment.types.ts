import type {
  PaymentFailureReason,
  PaymentKind,
  PaymentProviderName,
  PaymentStatus,
  UserRole,
} from '@slotwise/contracts';

export const attemptOutcomes = [
  'CHECKOUT_CREATED',
  'SUCCEEDED',
  'DECLINED',
  'EXPIRED',
  'CANCELLED',
  'PROVIDER_ERROR',
] as const;
export type AttemptOutcome = (typeof attemptOutcomes)[number];

/** A payment as the services see it: a plain object, money as decimal strings. */
export interface PaymentRecord {
  id: string;
  bookingId: string;
  kind: PaymentKind;
  userId: string;
  businessId: string;
  vendorId: string;
  businessName: string | null;
  description: string | null;
  amount: string;
  currency: string;
  status: PaymentStatus;
  refundedAmount: string;
  provider: PaymentProviderName;
  providerRef: string;
  providerPaymentRef: string | null;
  checkoutUrl: string;
  checkoutAttempt: number;
  failureReason: PaymentFailureReason | null;
  expiresAt: Date | null;
  paidAt: Date | null;
  cancelledAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface AttemptRecord {
  at: Date;
  outcome: AttemptOutcome;
  error: string | null;
}

export interface PaymentWithAttempts extends PaymentRecord {
  attempts: AttemptRecord[];
}

export type NewPayment = Omit<
  PaymentRecord,
  | 'status'
  | 'refundedAmount'
  | 'providerPaymentRef'
  | 'checkoutAttempt'
  | 'failureReason'
  | 'paidAt'
  | 'cancelledAt'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
>;

export type PaymentChanges = Partial<
  Pick<
    PaymentRecord,
    | 'status'
    | 'refundedAmount'
    | 'providerRef'
    | 'providerPaymentRef'
    | 'checkoutUrl'
    | 'checkoutAttempt'
    | 'failureReason'
    | 'expiresAt'
    | 'paidAt'
    | 'cancelledAt'
  >
>;

export interface PaymentFilter {
  bookingId?: string;
  status?: PaymentStatus;
  /** Set by the service from the caller: a customer's own, a vendor's business's. */
  userId?: string;
  vendorId?: string;
}

/** Who is asking, as the service needs it: no HTTP types past the routes. */
export interface Caller {
  id: string;
  role: UserRole;
}

/** What the event consumers hand to `createForBooking` (from `booking.created` / `completed`). */
export interface BookingCharge {
  bookingId: string;
  kind: PaymentKind;
  userId: string;
  businessId: string;
  /** The business's owner (the booking event's `vendorId`): who may see and refund it. */
  vendorId: string;
  amount: string;
  currency: string;
  businessName?: string | null;
  /** What is paid for, as the checkout page shows it (e.g. the resource and the dates). */
  description?: string | null;
  /**
   * PREPAY: until when it may be paid — the booking's own `paymentDueAt`, so that booking and
   * payment give up at the same instant. Missing: `PAYMENT_WINDOW_MINUTES` from now.
   */
  dueAt?: string | null;
}
