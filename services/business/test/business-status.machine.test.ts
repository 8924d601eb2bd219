import { businessStatuses, type BusinessStatus } from '@slotwise/contracts';
import { describe, expect, it } from 'vitest';
import {
  decide,
  settableStatuses,
  type Actor,
  type BusinessCommand,
  type Decision,
} from '../src/businesses/business-status.machine.js';

type Expected = 'ok' | 'noop' | 403 | 409;

function outcome(decision: Decision): Expected {
  switch (decision.outcome) {
    case 'allowed':
      return decision.changed ? 'ok' : 'noop';
    case 'forbidden':
      return 403;
    case 'invalid':
      return 409;
  }
}

const verified = (status: BusinessStatus) => ({ status, isVerified: status !== 'PENDING' });

describe('business status machine', () => {
  // from → to: [owner, admin], for a business verified unless it is PENDING.
  const setStatusTable: Record<BusinessStatus, Record<string, [Expected, Expected]>> = {
    PENDING: {
      PENDING: [403, 'noop'],
      ACTIVE: [409, 409],
      INACTIVE: [409, 'ok'],
      SUSPENDED: [403, 'ok'],
    },
    ACTIVE: {
      PENDING: [403, 'ok'],
      ACTIVE: ['noop', 'noop'],
      INACTIVE: ['ok', 'ok'],
      SUSPENDED: [403, 'ok'],
    },
    INACTIVE: {
      PENDING: [403, 'ok'],
      ACTIVE: ['ok', 'ok'],
      INACTIVE: ['noop', 'noop'],
      SUSPENDED: [403, 'ok'],
    },
    SUSPENDED: {
      PENDING: [403, 'ok'],
      ACTIVE: [403, 'ok'],
      INACTIVE: [403, 'ok'],
      SUSPENDED: [403, 'noop'],
    },
    DELETED: {
      PENDING: [403, 409],
      ACTIVE: [409, 409],
      INACTIVE: [409, 409],
      SUSPENDED: [403, 409],
    },
  };

  for (const from of businessStatuses) {
    for (const to of settableStatuses) {
      const [owner, admin] = setStatusTable[from][to]!;
      it(`status ${from} → ${to}: owner ${owner}, admin ${admin}`, () => {
        const command: BusinessCommand = { kind: 'setStatus', to };
        expect(outcome(decide(verified(from), command, 'OWNER'))).toBe(owner);
        expect(outcome(decide(verified(from), command, 'ADMIN'))).toBe(admin);
      });
    }
  }

  it('never lets anyone make an unverified business ACTIVE by a status change', () => {
    for (const from of ['INACTIVE', 'SUSPENDED', 'PENDING'] as const) {
      for (const actor of ['OWNER', 'ADMIN'] as const) {
        const decision = decide(
          { status: from, isVerified: false },
          { kind: 'setStatus', to: 'ACTIVE' },
          actor,
        );
        expect(decision.outcome, `${actor} from ${from}`).not.toBe('allowed');
      }
    }
  });

  it('verifies a PENDING business into ACTIVE and verified, for an admin', () => {
    expect(decide({ status: 'PENDING', isVerified: false }, { kind: 'verify' }, 'ADMIN')).toEqual({
      outcome: 'allowed',
      status: 'ACTIVE',
      verifies: true,
      changed: true,
    });
  });

  it.each(businessStatuses.filter((status) => status !== 'PENDING'))(
    'refuses to verify a %s business (409), and any verification by an owner (403)',
    (from) => {
      const state = { status: from, isVerified: true };
      expect(outcome(decide(state, { kind: 'verify' }, 'ADMIN'))).toBe(409);
      expect(outcome(decide(state, { kind: 'verify' }, 'OWNER'))).toBe(403);
      expect(
        outcome(decide({ status: 'PENDING', isVerified: false }, { kind: 'verify' }, 'OWNER')),
      ).toBe(403);
    },
  );

  it.each<[BusinessStatus, Actor, Expected, Expected]>([
    // status, actor, edit, delete
    ['PENDING', 'OWNER', 'ok', 'ok'],
    ['ACTIVE', 'OWNER', 'ok', 'ok'],
    ['INACTIVE', 'OWNER', 'ok', 'ok'],
    ['SUSPENDED', 'OWNER', 403, 403],
    ['DELETED', 'OWNER', 409, 409],
    ['SUSPENDED', 'ADMIN', 'ok', 'ok'],
    ['DELETED', 'ADMIN', 409, 409],
  ])('edit and delete of a %s business by %s: %s, %s', (status, actor, edit, remove) => {
    expect(outcome(decide(verified(status), { kind: 'edit' }, actor))).toBe(edit);
    const deletion = decide(verified(status), { kind: 'delete' }, actor);
    expect(outcome(deletion)).toBe(remove);
    expect(deletion.outcome !== 'allowed' || deletion.status === 'DELETED').toBe(true);
  });

  it('names the conflict: an edit of a deleted business is BUSINESS_DELETED, the rest transitions', () => {
    const gone = { status: 'DELETED', isVerified: true } as const;
    expect(decide(gone, { kind: 'edit' }, 'ADMIN')).toMatchObject({ code: 'BUSINESS_DELETED' });
    expect(decide(gone, { kind: 'delete' }, 'ADMIN')).toMatchObject({
      code: 'INVALID_STATUS_TRANSITION',
    });
  });
});
