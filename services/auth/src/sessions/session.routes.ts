import { currentUser, type PreHandler } from '@slotwise/platform/auth';
import type { HttpApp } from '@slotwise/platform/http';
import { dataOf, errorResponse } from '@slotwise/platform/http';
import { z } from 'zod';
import { AuthErrors } from '../auth.errors.js';
import { otp } from '../users/user.schemas.js';
import { clearSessionCookies, setSessionCookies, type CookieSettings } from './cookies.js';
import {
  presentSession,
  refreshTokenField,
  sessionSchema,
  twoFactorRequiredSchema,
} from './session.schemas.js';
import type { SessionService } from './session.service.js';

export interface SessionRouteDeps {
  sessions: SessionService;
  cookies: CookieSettings;
  authenticate: PreHandler;
}

const tags = ['auth: sessions'];

export function registerSessionRoutes(
  app: HttpApp,
  { sessions, cookies, authenticate }: SessionRouteDeps,
): void {
  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with email or username',
        body: z.strictObject({
          identifier: z.string().trim().min(1).max(254),
          password: z.string().min(1).max(128),
        }),
        response: {
          200: dataOf(z.union([sessionSchema, twoFactorRequiredSchema])),
          401: errorResponse,
          403: errorResponse,
          429: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const outcome = await sessions.login(
        request.body.identifier,
        request.body.password,
        request.id,
      );
      if (outcome.kind === 'twoFactor') {
        return { data: { twoFactorRequired: true as const, challengeId: outcome.challengeId } };
      }
      setSessionCookies(reply, outcome.session.tokens, cookies);
      return { data: presentSession(outcome.session) };
    },
  );

  app.post(
    '/api/auth/login/2fa',
    {
      schema: {
        tags,
        summary: 'Complete a sign-in with the emailed code',
        body: z.strictObject({ challengeId: z.uuid(), otp }),
        response: { 200: dataOf(sessionSchema), 400: errorResponse, 403: errorResponse },
      },
    },
    async (request, reply) => {
      const session = await sessions.completeTwoFactor(request.body.challengeId, request.body.otp);
      setSessionCookies(reply, session.tokens, cookies);
      return { data: presentSession(session) };
    },
  );

  app.post(
    '/api/auth/refresh',
    {
      schema: {
        tags,
        summary: 'Trade a refresh token (body or cookie) for a new pair',
        // Fastify hands a missing body over as null.
        body: z.strictObject({ refreshToken: refreshTokenField.optional() }).nullish(),
        response: { 200: dataOf(sessionSchema), 401: errorResponse },
      },
    },
    async (request, reply) => {
      const token = request.body?.refreshToken ?? request.cookies.refreshToken;
      if (!token) throw AuthErrors.create('INVALID_REFRESH_TOKEN', 'No refresh token given');
      const session = await sessions.refresh(token);
      setSessionCookies(reply, session.tokens, cookies);
      return { data: presentSession(session) };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags,
        summary:
          'End the session of a refresh token (body or cookie); its access tokens are refused within seconds',
        // Fastify hands a missing body over as null.
        body: z.strictObject({ refreshToken: refreshTokenField.optional() }).nullish(),
        response: { 204: z.null().describe('Signed out') },
      },
    },
    async (request, reply) => {
      const token = request.body?.refreshToken ?? request.cookies.refreshToken;
      if (token) await sessions.logout(token);
      clearSessionCookies(reply, cookies);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout-all',
    {
      preHandler: authenticate,
      schema: {
        tags,
        summary: 'End every session of the signed-in user',
        security: [{ bearerAuth: [] }],
        response: { 204: z.null().describe('Signed out everywhere'), 401: errorResponse },
      },
    },
    async (request, reply) => {
      await sessions.logoutAll(currentUser(request).id);
      clearSessionCookies(reply, cookies);
      return reply.status(204).send(null);
    },
  );
}
