import { currentUser } from '@slotwise/platform/auth';
import type { FastifyRequest } from 'fastify';
import { ANONYMOUS, type Caller, type Viewer } from './caller.js';

/** The authenticated caller of a route, as the services take it (401 without one). */
export function callerOf(request: FastifyRequest): Caller {
  const user = currentUser(request);
  return { id: user.id, role: user.role };
}

/**
 * The caller of a public route (behind `authenticate(verifier, { optional: true })`): the signed-in
 * user, or an anonymous visitor when the request carries no token at all.
 */
export function viewerOf(request: FastifyRequest): Viewer {
  return request.user ? callerOf(request) : ANONYMOUS;
}
