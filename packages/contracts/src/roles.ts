import { z } from 'zod';

/** The roles an access token can carry. SERVICE is for service-to-service tokens only. */
export const userRoles = ['CUSTOMER', 'VENDOR', 'ADMIN'] as const;
export const userRole = z.enum(userRoles);
export type UserRole = z.infer<typeof userRole>;

export const userStatuses = ['ACTIVE', 'SUSPENDED', 'PENDING_VERIFICATION', 'DELETED'] as const;
export const userStatus = z.enum(userStatuses);
export type UserStatus = z.infer<typeof userStatus>;
