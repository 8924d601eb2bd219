import {
  EventTypes,
  type PaymentCreatedData,
  type PaymentEventData,
  type PaymentFailedData,
  type PaymentRefundedData,
  type PaymentSucceededData,
} from '@slotwise/contracts';
import { createEvent, type EventEnvelope } from '@slotwise/platform/events';
import type { PaymentRecord } from '../payments/payment.types.js';

/** What every `payment.*` event says of the payment, as it is after the change. */
export function toEventData(payment: PaymentRecord): PaymentEventData {
  return {
    paymentId: payment.id,
    bookingId: payment.bookingId,
    kind: payment.kind,
    userId: payment.userId,
    businessId: payment.businessId,
    vendorId: payment.vendorId,
    amount: payment.amount,
    currency: payment.currency,
    status: payment.status,
    refundedAmount: payment.refundedAmount,
    provider: payment.provider,
  };
}

const event = <T extends object>(
  type: string,
  payment: PaymentRecord,
  data: T,
  requestId?: string,
): EventEnvelope<T> =>
  createEvent<T>({
    type,
    aggregateId: payment.id,
    version: payment.version,
    data,
    ...(requestId ? { requestId } : {}),
  });

/** The `payment.*` events, built from the payment after the change (its version included). */
export const PaymentEvents = {
  created: (payment: PaymentRecord, requestId?: string): EventEnvelope<PaymentCreatedData> =>
    event(
      EventTypes.paymentCreated,
      payment,
      {
        ...toEventData(payment),
        checkoutUrl: payment.checkoutUrl,
        expiresAt: payment.expiresAt?.toISOString() ?? null,
        attempt: payment.checkoutAttempt,
      },
      requestId,
    ),

  succeeded: (payment: PaymentRecord, requestId?: string): EventEnvelope<PaymentSucceededData> =>
    event(
      EventTypes.paymentSucceeded,
      payment,
      { ...toEventData(payment), paidAt: (payment.paidAt ?? payment.updatedAt).toISOString() },
      requestId,
    ),

  failed: (
    payment: PaymentRecord,
    error: string | null,
    requestId?: string,
  ): EventEnvelope<PaymentFailedData> =>
    event(
      EventTypes.paymentFailed,
      payment,
      { ...toEventData(payment), reason: payment.failureReason ?? 'DECLINED', error },
      requestId,
    ),

  refunded: (
    payment: PaymentRecord,
    refund: { id: string; amount: string; reason: string; requestedBy: string | null },
    requestId?: string,
  ): EventEnvelope<PaymentRefundedData> =>
    event(
      EventTypes.paymentRefunded,
      payment,
      {
        ...toEventData(payment),
        refundId: refund.id,
        refundAmount: refund.amount,
        reason: refund.reason,
        refundedBy: refund.requestedBy,
      },
      requestId,
    ),
};
