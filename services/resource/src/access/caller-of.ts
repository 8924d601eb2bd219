import { currentUser } from '@slotwise/platform/auth';
import type { FastifyRequest } from 'fastify';
import type { Caller } from './caller.js';

/** The authenticated caller of a route, as the services take it. */
export function callerOf(request: FastifyRequest): Caller {
  const user = currentUser(request);
  return { id: user.id, role: user.role };
}
