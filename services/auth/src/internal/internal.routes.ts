import { requireServiceToken, type TokenVerifier } from '@slotwise/platform/auth';
import { dataOf, errorResponse, type HttpApp } from '@slotwise/platform/http';
import { z } from 'zod';
import type { RevocationFeed } from '../tokens/revocation-feed.js';
import type { ServiceTokenService } from './service-token.service.js';

const tags = ['internal'];

/** Routes for the other services only; the gateway does not route `/internal`. */
export function registerInternalRoutes(
  app: HttpApp,
  deps: {
    serviceTokens: ServiceTokenService;
    revocations: RevocationFeed;
    verifier: TokenVerifier;
  },
): void {
  app.post(
    '/internal/service-token',
    {
      schema: {
        tags,
        summary: 'Client credentials: a short-lived token for calling one service',
        body: z.strictObject({
          clientId: z.string().min(1).max(64),
          clientSecret: z.string().min(1).max(256),
          audience: z.string().min(1).max(64),
        }),
        response: {
          200: dataOf(z.object({ accessToken: z.string(), expiresIn: z.number().int() })),
          401: errorResponse,
        },
      },
    },
    async (request) => ({
      data: await deps.serviceTokens.issue(
        request.body.clientId,
        request.body.clientSecret,
        request.body.audience,
      ),
    }),
  );

  app.get(
    '/internal/token-revocations',
    {
      // Every service polls it every few seconds.
      config: { routineLog: true },
      preHandler: requireServiceToken(deps.verifier, { audience: 'auth' }),
      schema: {
        tags,
        summary:
          'Users (or, with `sessionId`, sessions) whose access tokens issued before `validAfter` are revoked',
        querystring: z.strictObject({ since: z.iso.datetime({ offset: true }).optional() }),
        response: {
          200: dataOf(
            z.array(
              z.object({
                userId: z.uuid(),
                validAfter: z.iso.datetime(),
                sessionId: z.uuid().optional().describe('only this session’s tokens when set'),
              }),
            ),
          ),
        },
      },
    },
    async (request) => ({
      data: await deps.revocations.since(
        request.query.since ? new Date(request.query.since) : undefined,
      ),
    }),
  );
}
