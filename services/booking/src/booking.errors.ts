import { defineErrorCodes } from '@slotwise/platform/errors';

/** The booking service's refusals besides the common ones (API.md, Booking). */
export const BookingErrors = defineErrorCodes({
  BOOKING_CONFLICT: 409,
  INVALID_STATUS_TRANSITION: 409,
  RESOURCE_NOT_BOOKABLE: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
});
