import {
  EventTypes,
  type OtpPurpose,
  type UserDeletedData,
  type UserOtpRequestedData,
  type UserPasswordChangedData,
  type UserRegisteredData,
  type UserStatusChangedData,
  type UserVerifiedData,
} from '@slotwise/contracts';
import { createEvent, type EventEnvelope } from '@slotwise/platform/events';
import type { UserRecord } from '../users/user.types.js';

/** The `user.*` events, built from the user as it is after the change (its version included). */
const profile = (user: UserRecord) => ({
  userId: user.id,
  email: user.email,
  username: user.username,
  firstName: user.firstName,
  lastName: user.lastName,
  role: user.role,
});

const event = <T extends object>(type: string, user: UserRecord, data: T, requestId?: string) =>
  createEvent<T>({
    type,
    aggregateId: user.id,
    version: user.version,
    data,
    ...(requestId ? { requestId } : {}),
  });

export const UserEvents = {
  registered: (user: UserRecord, requestId?: string): EventEnvelope<UserRegisteredData> =>
    event(EventTypes.userRegistered, user, { ...profile(user), status: user.status }, requestId),

  verified: (user: UserRecord, requestId?: string): EventEnvelope<UserVerifiedData> =>
    event(EventTypes.userVerified, user, profile(user), requestId),

  updated: (user: UserRecord, requestId?: string): EventEnvelope<UserVerifiedData> =>
    event(EventTypes.userUpdated, user, profile(user), requestId),

  /** Not a change of the user: it carries the version as it is, for ordering only. */
  otpRequested: (
    user: UserRecord,
    purpose: OtpPurpose,
    otp: string,
    expiresAt: Date,
    requestId?: string,
  ): EventEnvelope<UserOtpRequestedData> =>
    event(
      EventTypes.userOtpRequested,
      user,
      {
        userId: user.id,
        email: user.email,
        firstName: user.firstName,
        purpose,
        otp,
        expiresAt: expiresAt.toISOString(),
      },
      requestId,
    ),

  passwordChanged: (
    user: UserRecord,
    reason: 'CHANGE' | 'RESET',
    requestId?: string,
  ): EventEnvelope<UserPasswordChangedData> =>
    event(
      EventTypes.userPasswordChanged,
      user,
      { userId: user.id, reason, changedAt: user.updatedAt.toISOString() },
      requestId,
    ),

  statusChanged: (
    user: UserRecord,
    previousStatus: UserRecord['status'],
    changedBy: string | null,
    requestId?: string,
  ): EventEnvelope<UserStatusChangedData> =>
    event(
      EventTypes.userStatusChanged,
      user,
      { userId: user.id, status: user.status, previousStatus, changedBy },
      requestId,
    ),

  deleted: (
    user: UserRecord,
    deletedBy: string | null,
    requestId?: string,
  ): EventEnvelope<UserDeletedData> =>
    event(EventTypes.userDeleted, user, { userId: user.id, deletedBy }, requestId),
};
