import { defineErrorCodes } from '@slotwise/platform/errors';

/** Every refusal the payment service answers with besides the common ones (API.md, Payments). */
export const PaymentErrors = defineErrorCodes({
  /** The payment's status does not allow it (a refund of an unpaid payment, a retry of a paid one). */
  INVALID_STATUS_TRANSITION: 409,
  /** More than is left to refund (the amount paid less what was refunded or is being refunded). */
  REFUND_EXCEEDS_PAYMENT: 422,
  /** The provider refused the operation for good (not a transient failure). */
  PROVIDER_REFUSED: 422,
  /** A webhook whose signature does not verify: nothing is changed. */
  INVALID_WEBHOOK_SIGNATURE: 400,
});

export type PaymentErrorCode = keyof typeof PaymentErrors.statuses;
