import type { BusinessStatus } from '@slotwise/contracts';

/**
 * The business's life cycle, in one place. Every command that changes a business (its fields
 * included) asks `decide` first, so the rules below are the whole story:
 *
 * | command              | owner                                               | ADMIN                                  |
 * |----------------------|-----------------------------------------------------|----------------------------------------|
 * | verify               | 403                                                 | PENDING → ACTIVE, verified; else 409   |
 * | status ACTIVE        | from INACTIVE once verified (PENDING: 409)          | from any but DELETED, once verified    |
 * | status INACTIVE      | from ACTIVE once verified (PENDING: 409)            | from any but DELETED                   |
 * | status PENDING       | 403                                                 | from any but DELETED                   |
 * | status SUSPENDED     | 403                                                 | from any but DELETED                   |
 * | edit fields          | unless SUSPENDED (403) or DELETED (409)             | unless DELETED (409)                   |
 * | delete               | unless SUSPENDED (403) or DELETED (409)             | unless DELETED (409)                   |
 *
 * A business that is SUSPENDED is the admin's alone: its owner changes nothing (403). DELETED is
 * final (409 for everyone) and reached only by `delete`. Asking for the status a business already
 * has is a no-op, not an error, so a retried PATCH answers as the first one did. Refusal order:
 * who may ask (403), then whether the business allows it now (409).
 */

/** The statuses `PATCH /:id/status` accepts; DELETED has its own route. */
export const settableStatuses = ['PENDING', 'ACTIVE', 'INACTIVE', 'SUSPENDED'] as const;
export type SettableStatus = (typeof settableStatuses)[number];

export type Actor = 'OWNER' | 'ADMIN';

export type BusinessCommand =
  | { kind: 'edit' }
  | { kind: 'verify' }
  | { kind: 'delete' }
  | { kind: 'setStatus'; to: SettableStatus };

export interface LifecycleState {
  status: BusinessStatus;
  isVerified: boolean;
}

export type Decision =
  /** `status` is what the business has after the command; `changed` is false for a no-op. */
  | { outcome: 'allowed'; status: BusinessStatus; verifies: boolean; changed: boolean }
  | { outcome: 'forbidden'; reason: string }
  /** A conflict with the state the business is in (409). */
  | { outcome: 'invalid'; code: 'INVALID_STATUS_TRANSITION' | 'BUSINESS_DELETED'; reason: string };

const OWNER_SETTABLE: readonly SettableStatus[] = ['ACTIVE', 'INACTIVE'];

const allowed = (status: BusinessStatus, changed = true, verifies = false): Decision => ({
  outcome: 'allowed',
  status,
  verifies,
  changed,
});
const forbidden = (reason: string): Decision => ({ outcome: 'forbidden', reason });
const invalid = (
  reason: string,
  code: 'INVALID_STATUS_TRANSITION' | 'BUSINESS_DELETED' = 'INVALID_STATUS_TRANSITION',
): Decision => ({ outcome: 'invalid', code, reason });

/** Pure: the same state, command and actor always give the same decision. */
export function decide(state: LifecycleState, command: BusinessCommand, actor: Actor): Decision {
  switch (command.kind) {
    case 'verify':
      return decideVerify(state, actor);
    case 'setStatus':
      return decideSetStatus(state, command.to, actor);
    case 'edit':
    case 'delete':
      return decideChange(state, command.kind, actor);
  }
}

function decideVerify(state: LifecycleState, actor: Actor): Decision {
  if (actor !== 'ADMIN') return forbidden('Only an administrator verifies a business');
  if (state.status !== 'PENDING') {
    return invalid(`Only a PENDING business can be verified; this one is ${state.status}`);
  }
  return allowed('ACTIVE', true, true);
}

function decideSetStatus(state: LifecycleState, to: SettableStatus, actor: Actor): Decision {
  if (actor === 'OWNER') {
    if (!OWNER_SETTABLE.includes(to)) return forbidden(`Only an administrator sets ${to}`);
    if (state.status === 'SUSPENDED') {
      return forbidden('A suspended business is changed by an administrator only');
    }
  }
  if (state.status === 'DELETED') return invalid('A deleted business cannot change status');
  if (state.status === to) return allowed(to, false);
  if (actor === 'OWNER' && state.status === 'PENDING') {
    return invalid('The business must be verified before it can be switched on or off');
  }
  if (to === 'ACTIVE' && !state.isVerified) {
    return invalid('An unverified business cannot become ACTIVE: verify it first');
  }
  return allowed(to);
}

function decideChange(state: LifecycleState, kind: 'edit' | 'delete', actor: Actor): Decision {
  if (actor === 'OWNER' && state.status === 'SUSPENDED') {
    return forbidden('A suspended business is changed by an administrator only');
  }
  if (state.status === 'DELETED') {
    return kind === 'delete'
      ? invalid('The business is already deleted')
      : invalid('A deleted business is final: it cannot be edited', 'BUSINESS_DELETED');
  }
  return kind === 'delete' ? allowed('DELETED') : allowed(state.status);
}
