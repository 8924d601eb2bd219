import { defineErrorCodes } from '@slotwise/platform/errors';

/** Every refusal the auth service answers with besides the common ones (API.md, Auth). */
export const AuthErrors = defineErrorCodes({
  EMAIL_TAKEN: 409,
  USERNAME_TAKEN: 409,
  INVALID_OTP: 400,
  INVALID_CHALLENGE: 400,
  INVALID_CREDENTIALS: 401,
  INVALID_REFRESH_TOKEN: 401,
  REFRESH_TOKEN_REUSED: 401,
  EMAIL_NOT_VERIFIED: 403,
  ACCOUNT_SUSPENDED: 403,
  INVALID_STATUS_TRANSITION: 409,
  INVALID_CLIENT: 401,
  TOO_MANY_ATTEMPTS: 429,
});

export type AuthErrorCode = keyof typeof AuthErrors.statuses;
