import { defineErrorCodes } from '@slotwise/platform/errors';

/** The booking service's refusals besides the common ones (API.md, Booking). */
export const BookingErrors = defineErrorCodes({
  BOOKING_CONFLICT: 409,
  NO_RESOURCE_AVAILABLE: 409,
  OUTSIDE_OPENING_HOURS: 422,
  BOOKING_RULE_VIOLATED: 422,
  INVALID_STATUS_TRANSITION: 409,
  RESOURCE_NOT_BOOKABLE: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
});
