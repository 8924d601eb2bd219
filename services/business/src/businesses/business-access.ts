import { forbidden, notFound, type AppError } from '@slotwise/platform/errors';
import { BusinessErrors } from '../business.errors.js';
import type { Repositories, Store } from '../db/store.repository.js';
import {
  decide,
  type Actor,
  type BusinessCommand,
  type Decision,
} from './business-status.machine.js';
import type { BusinessRecord, Caller, Viewer } from './business.types.js';

export type Allowed = Extract<Decision, { outcome: 'allowed' }>;

export const isAdmin = (viewer: Viewer): boolean => viewer?.role === 'ADMIN';

/**
 * A business that is not ACTIVE exists only for its owner and admins: to others, anonymous
 * visitors included, it is a 404.
 */
export function canSee(viewer: Viewer, business: BusinessRecord): boolean {
  return business.status === 'ACTIVE' || isAdmin(viewer) || business.ownerId === viewer?.id;
}

function refusal(decision: Exclude<Decision, Allowed>): AppError {
  return decision.outcome === 'forbidden'
    ? forbidden(decision.reason)
    : BusinessErrors.create(decision.code, decision.reason);
}

/**
 * Every change of a business, the same way: lock the row, refuse what the caller cannot see (404),
 * then ask the state machine (403 / 409), then apply the change and its event in the same
 * transaction. Shared by the profile, status and schedule changes.
 */
export async function changeBusiness<T>(
  store: Store,
  caller: Caller,
  id: string,
  command: BusinessCommand,
  apply: (tx: Repositories, business: BusinessRecord, next: Allowed) => Promise<T>,
): Promise<T> {
  return store.transaction(async (tx) => {
    const business = await tx.businesses.findByIdForUpdate(id);
    if (!business || !canSee(caller, business)) throw notFound('Business');
    const actor: Actor | undefined = isAdmin(caller)
      ? 'ADMIN'
      : business.ownerId === caller.id
        ? 'OWNER'
        : undefined;
    if (!actor) throw forbidden('Only the owner or an administrator changes a business');
    const decision = decide(business, command, actor);
    if (decision.outcome !== 'allowed') throw refusal(decision);
    return apply(tx, business, decision);
  });
}
