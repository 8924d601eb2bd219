import type { UserRole, UserStatus } from '@slotwise/contracts';

/** A user as the services see it: a plain object, never a Prisma type. */
export interface UserRecord {
  id: string;
  email: string;
  username: string;
  passwordHash: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  role: UserRole;
  status: UserStatus;
  isEmailVerified: boolean;
  twoFactorEnabled: boolean;
  lastLoginAt: Date | null;
  tokensValidAfter: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What leaves the service: no password hash, nothing derived from it. */
export type PublicUser = Omit<UserRecord, 'passwordHash' | 'tokensValidAfter' | 'version'>;

export function toPublicUser(user: UserRecord): PublicUser {
  const { passwordHash: _hash, tokensValidAfter: _after, version: _version, ...rest } = user;
  return rest;
}

export interface UserFilter {
  role?: UserRole;
  status?: UserStatus;
  search?: string;
}

export type UserChanges = Partial<
  Pick<
    UserRecord,
    | 'passwordHash'
    | 'firstName'
    | 'lastName'
    | 'phone'
    | 'role'
    | 'status'
    | 'isEmailVerified'
    | 'twoFactorEnabled'
    | 'lastLoginAt'
    | 'tokensValidAfter'
  >
>;
