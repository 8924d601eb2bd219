import { z } from 'zod';
import { presentUser, publicUserSchema } from '../users/user.schemas.js';
import type { Session } from './session.service.js';

export const sessionSchema = z
  .object({
    user: publicUserSchema,
    accessToken: z.string(),
    refreshToken: z.string(),
    expiresIn: z.number().int().describe('Seconds the access token is valid'),
  })
  .meta({ id: 'Session' });

export function presentSession(session: Session): z.infer<typeof sessionSchema> {
  return { user: presentUser(session.user), ...session.tokens };
}

export const twoFactorRequiredSchema = z
  .object({ twoFactorRequired: z.literal(true), challengeId: z.uuid() })
  .meta({ id: 'TwoFactorRequired' });

/** Bounded: the token is 43 base64url characters; anything far longer is not one. */
export const refreshTokenField = z.string().min(1).max(512);
