import { userRole, userStatus } from '@slotwise/contracts';
import { z } from 'zod';
import type { PublicUser } from './user.types.js';

export const publicUserSchema = z
  .object({
    id: z.uuid(),
    email: z.email(),
    username: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    phone: z.string().nullable(),
    role: userRole,
    status: userStatus,
    isEmailVerified: z.boolean(),
    twoFactorEnabled: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });

export type PublicUserJson = z.infer<typeof publicUserSchema>;

export function presentUser(user: PublicUser): PublicUserJson {
  return {
    ...user,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/** Fields a person types: trimmed, bounded, no control characters. */
export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((value) => value.toLowerCase());
export const username = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'letters, digits, dot, dash and underscore; not starting with a symbol',
  )
  .refine((value) => !value.includes('@'), 'must not contain @')
  .meta({ examples: ['ada_lovelace'] });
export const password = z
  .string()
  .min(8, 'at least 8 characters')
  .max(128, 'at most 128 characters');
export const otp = z
  .string()
  .regex(/^\d{6}$/, 'six digits')
  .meta({ examples: ['123456'] });
const personName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}]*$/u, 'no control characters');
export const firstName = personName.meta({ examples: ['Ada'] });
export const lastName = personName.meta({ examples: ['Lovelace'] });
export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{5,32}$/, 'a phone number')
  .meta({ examples: ['+44 20 7946 0958'] });
