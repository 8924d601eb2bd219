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

/** The access token from `Authorization: Bearer …`, or else the `accessToken` cookie (API.md). */
export function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)$/i.exec(header.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    return match[1];
  }
  const cookie = request.cookies?.accessToken;
  return cookie && cookie.length > 0 ? cookie : undefined;
}

export async function authenticate(
  request: FastifyRequest,
  verifier: AccessVerifier,
): Promise<void> {
  const token = tokenOf(request);
  if (!token) throw unauthenticated();
  request.principal = await verifier.verify(token);
  request.accessToken = token;
}
