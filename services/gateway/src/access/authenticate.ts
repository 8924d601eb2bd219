import { accessTokenOf } from '@slotwise/platform/auth';
import { unauthenticated } from '@slotwise/platform/errors';
import type { FastifyRequest } from 'fastify';

export interface AccessClaims {
  userId: string;
  role: string;
}

export interface AccessVerifier {
  verify(token: string): Promise<AccessClaims>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the gateway once the access token was verified. */
    principal?: AccessClaims;
    /** The token as it arrived (header or cookie), forwarded upstream as a bearer token. */
    accessToken?: string;
  }
}

/**
 * Verifies the request's access token (header or cookie) and sets `principal`. `optional`: a
 * request without any token passes as anonymous (the catalog); a bad one is still refused.
 */
export async function authenticate(
  request: FastifyRequest,
  verifier: AccessVerifier,
  options: { optional?: boolean } = {},
): Promise<void> {
  const token = accessTokenOf(request);
  if (!token) {
    if (options.optional) return;
    throw unauthenticated();
  }
  request.principal = await verifier.verify(token);
  request.accessToken = token;
}
