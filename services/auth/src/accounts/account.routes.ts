import { currentUser, type PreHandler } from '@slotwise/platform/auth';
import { dataOf, errorResponse, type HttpApp } from '@slotwise/platform/http';
import { z } from 'zod';
import {
  clearSessionCookies,
  setSessionCookies,
  type CookieSettings,
} from '../sessions/cookies.js';
import { presentSession, sessionSchema } from '../sessions/session.schemas.js';
import {
  email,
  firstName,
  lastName,
  otp,
  password,
  phone,
  presentUser,
  publicUserSchema,
  username,
} from '../users/user.schemas.js';
import type { AccountService } from './account.service.js';

export interface AccountRouteDeps {
  accounts: AccountService;
  cookies: CookieSettings;
  authenticate: PreHandler;
}

const tags = ['auth: accounts'];
const accepted = dataOf(z.object({ message: z.string() }));
const ACCEPTED_MESSAGE = 'If an account matches, an email is on its way';

export function registerAccountRoutes(
  app: HttpApp,
  { accounts, cookies, authenticate }: AccountRouteDeps,
): void {
  app.post(
    '/api/auth/register',
    {
      schema: {
        tags,
        summary: 'Create an account; a verification code is emailed',
        body: z.strictObject({
          email,
          username,
          password,
          firstName: firstName.optional(),
          lastName: lastName.optional(),
          phone: phone.optional(),
          // ADMIN cannot be chosen: it is not in the enum.
          role: z.enum(['CUSTOMER', 'VENDOR']).default('CUSTOMER'),
        }),
        response: { 201: dataOf(publicUserSchema), 400: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const user = await accounts.register(request.body, request.id);
      return reply.status(201).send({ data: presentUser(user) });
    },
  );

  app.post(
    '/api/auth/verify-email',
    {
      schema: {
        tags,
        summary: 'Verify the email with the code; signs the user in',
        body: z.strictObject({ email, otp }),
        response: { 200: dataOf(sessionSchema), 400: errorResponse },
      },
    },
    async (request, reply) => {
      const session = await accounts.verifyEmail(request.body.email, request.body.otp, request.id);
      setSessionCookies(reply, session.tokens, cookies);
      return { data: presentSession(session) };
    },
  );

  app.post(
    '/api/auth/resend-verification',
    {
      schema: {
        tags,
        summary: 'Send a new verification code (202 whether or not the email exists)',
        body: z.strictObject({ email }),
        response: { 202: accepted },
      },
    },
    async (request, reply) => {
      await accounts.resendVerification(request.body.email, request.id);
      return reply.status(202).send({ data: { message: ACCEPTED_MESSAGE } });
    },
  );

  app.post(
    '/api/auth/forgot-password',
    {
      schema: {
        tags,
        summary: 'Email a password-reset code (202 whether or not the email exists)',
        body: z.strictObject({ email }),
        response: { 202: accepted },
      },
    },
    async (request, reply) => {
      await accounts.forgotPassword(request.body.email, request.id);
      return reply.status(202).send({ data: { message: ACCEPTED_MESSAGE } });
    },
  );

  app.post(
    '/api/auth/reset-password',
    {
      schema: {
        tags,
        summary: 'Set a new password with the emailed code; ends every session',
        body: z.strictObject({ email, otp, newPassword: password }),
        response: { 200: accepted, 400: errorResponse },
      },
    },
    async (request, reply) => {
      await accounts.resetPassword(
        request.body.email,
        request.body.otp,
        request.body.newPassword,
        request.id,
      );
      clearSessionCookies(reply, cookies);
      return { data: { message: 'Password updated; sign in with the new password' } };
    },
  );

  const signedIn = { preHandler: authenticate };
  const security = [{ bearerAuth: [] }];

  app.post(
    '/api/auth/change-password',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: 'Change the password; other sessions end',
        body: z.strictObject({
          currentPassword: z.string().min(1).max(128),
          newPassword: password,
        }),
        response: { 200: accepted, 401: errorResponse },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const sessionId =
        typeof user.claims.payload.sid === 'string' ? user.claims.payload.sid : undefined;
      await accounts.changePassword(
        user.id,
        sessionId,
        request.body.currentPassword,
        request.body.newPassword,
        request.id,
      );
      return { data: { message: 'Password changed' } };
    },
  );

  for (const [path, enabled] of [
    ['/api/auth/2fa/enable', true],
    ['/api/auth/2fa/disable', false],
  ] as const) {
    app.post(
      path,
      {
        ...signedIn,
        schema: {
          tags,
          security,
          summary: `${enabled ? 'Turn on' : 'Turn off'} sign-in codes by email`,
          body: z.strictObject({ password: z.string().min(1).max(128) }),
          response: { 200: dataOf(publicUserSchema), 401: errorResponse },
        },
      },
      async (request) => ({
        data: presentUser(
          await accounts.setTwoFactor(currentUser(request).id, request.body.password, enabled),
        ),
      }),
    );
  }

  app.get(
    '/api/auth/me',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: 'The signed-in user',
        response: { 200: dataOf(publicUserSchema) },
      },
    },
    async (request) => ({ data: presentUser(await accounts.me(currentUser(request).id)) }),
  );

  app.patch(
    '/api/auth/me',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: 'Edit the signed-in user’s profile',
        body: z.strictObject({
          firstName: firstName.nullable().optional(),
          lastName: lastName.nullable().optional(),
          phone: phone.nullable().optional(),
        }),
        response: { 200: dataOf(publicUserSchema), 400: errorResponse },
      },
    },
    async (request) => ({
      data: presentUser(await accounts.updateMe(currentUser(request).id, request.body, request.id)),
    }),
  );
}
