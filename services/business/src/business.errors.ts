import { defineErrorCodes } from '@slotwise/platform/errors';

/** Every refusal the business service answers with besides the common ones (API.md, Business). */
export const BusinessErrors = defineErrorCodes({
  VENDOR_ALREADY_HAS_BUSINESS: 409,
  INVALID_STATUS_TRANSITION: 409,
  /** Deletion is final: a deleted business's fields are not edited either. */
  BUSINESS_DELETED: 409,
});

export type BusinessErrorCode = keyof typeof BusinessErrors.statuses;
