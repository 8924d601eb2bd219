import { defineErrorCodes } from '@slotwise/platform/errors';

/** Every refusal the resource service answers with besides the common ones (API.md, Resource). */
export const ResourceErrors = defineErrorCodes({
  /** The caller's business is missing, or not ACTIVE and verified (categories: missing or DELETED). */
  BUSINESS_NOT_ACTIVE: 422,
  /** `categoryId` names no category of the resource's business. */
  INVALID_CATEGORY: 422,
  CATEGORY_EXISTS: 409,
  CATEGORY_IN_USE: 409,
});

export type ResourceErrorCode = keyof typeof ResourceErrors.statuses;
