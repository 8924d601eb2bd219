import { z } from 'zod';
import { userRole, userStatus } from './roles.js';

/**
 * The data of auth's `user.*` events (the envelope is the platform's). Consumers parse with these
 * schemas; fields are only ever added, never renamed or removed.
 */

export const otpPurpose = z.enum(['EMAIL_VERIFICATION', 'PASSWORD_RESET', 'TWO_FACTOR_AUTH']);
export type OtpPurpose = z.infer<typeof otpPurpose>;

const userProfile = {
  userId: z.uuid(),
  email: z.email(),
  username: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  role: userRole,
};

export const userRegisteredData = z.object({ ...userProfile, status: userStatus });
export type UserRegisteredData = z.infer<typeof userRegisteredData>;

export const userVerifiedData = z.object(userProfile);
export type UserVerifiedData = z.infer<typeof userVerifiedData>;

/**
 * Carries the one-time code to the notification service for delivery, and nothing else may use
 * it: the outbox row is deleted once published, and no log line contains `otp`.
 */
export const userOtpRequestedData = z.object({
  userId: z.uuid(),
  email: z.email(),
  firstName: z.string().nullable(),
  purpose: otpPurpose,
  otp: z.string().regex(/^\d{6}$/),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type UserOtpRequestedData = z.infer<typeof userOtpRequestedData>;

export const userPasswordChangedData = z.object({
  userId: z.uuid(),
  /** RESET ends every session; CHANGE keeps the one that changed it. */
  reason: z.enum(['CHANGE', 'RESET']),
  changedAt: z.iso.datetime({ offset: true }),
});
export type UserPasswordChangedData = z.infer<typeof userPasswordChangedData>;

export const userStatusChangedData = z.object({
  userId: z.uuid(),
  status: userStatus,
  previousStatus: userStatus,
  changedBy: z.uuid().nullable(),
});
export type UserStatusChangedData = z.infer<typeof userStatusChangedData>;

export const userDeletedData = z.object({
  userId: z.uuid(),
  deletedBy: z.uuid().nullable(),
});
export type UserDeletedData = z.infer<typeof userDeletedData>;

/** Profile edits (PATCH /me) so read models stay current. */
export const userUpdatedData = z.object(userProfile);
export type UserUpdatedData = z.infer<typeof userUpdatedData>;
