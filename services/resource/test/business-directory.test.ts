import {
  ALWAYS_OPEN,
  type BusinessSummary,
  type Schedule,
  type VersionedBusiness,
} from '@slotwise/contracts';
import { describe, expect, it } from 'vitest';
import { BusinessDirectory, type BusinessReadModel } from '../src/businesses/business-directory.js';
import type { BusinessLookup } from '../src/businesses/business-lookup.js';
import type { BusinessRecord } from '../src/businesses/business.repository.js';
import { buildBusiness } from './harness.js';

/** Hand-written fakes: the branching of the cache, without HTTP or a database. */
function setup(ttlMs = 1_000) {
  let clock = 0;
  const answers = new Map<string, VersionedBusiness>();
  const rows = new Map<string, BusinessRecord>();
  const calls = { byOwner: 0, byId: 0 };
  // While held, lookups wait for releaseHeld(): lets a test act while one is in flight.
  let gate: { promise: Promise<void>; open: () => void } | undefined;
  const lookup: BusinessLookup = {
    byOwner: async (ownerId) => {
      calls.byOwner += 1;
      await gate?.promise;
      return [...answers.values()].find((b) => b.ownerId === ownerId) ?? null;
    },
    byId: async (id) => {
      calls.byId += 1;
      return answers.get(id) ?? null;
    },
  };
  const readModel: BusinessReadModel = {
    findById: async (id) => rows.get(id) ?? null,
    versionOfOwner: async (ownerId) =>
      [...rows.values()].find((b) => b.ownerId === ownerId)?.version ?? null,
    apply: async (business, version, schedule) => {
      const held = rows.get(business.id);
      if (held && held.version >= version) return false;
      rows.set(business.id, { ...business, version, schedule: schedule ?? held?.schedule ?? null });
      return true;
    },
  };
  const directory = new BusinessDirectory(lookup, readModel, { ttlMs, now: () => clock });
  return {
    directory,
    answers,
    rows,
    calls,
    tick: (ms: number) => (clock += ms),
    hold: () => {
      let open = (): void => undefined;
      const promise = new Promise<void>((resolve) => (open = resolve));
      gate = { promise, open };
    },
    releaseHeld: () => {
      gate?.open();
      gate = undefined;
    },
  };
}

/** The business service's answer: a business at a version, with its schedule. */
const answerOf = (
  business: BusinessSummary,
  version = 1,
  schedule: Schedule = ALWAYS_OPEN,
): VersionedBusiness => ({ ...business, version, schedule });

/** A read-model row: a business at a version (no schedule known unless given). */
const rowOf = (
  business: BusinessSummary,
  version: number,
  schedule: Schedule | null = null,
): BusinessRecord => ({ ...business, version, schedule });

describe('BusinessDirectory', () => {
  it('reuses an owner’s answer within the TTL and asks again after it', async () => {
    const t = setup();
    const business = buildBusiness();
    t.answers.set(business.id, answerOf(business));
    expect(await t.directory.ofOwner(business.ownerId)).toEqual(business);
    t.tick(999);
    await t.directory.ofOwner(business.ownerId);
    expect(t.calls.byOwner).toBe(1);
    t.tick(1);
    await t.directory.ofOwner(business.ownerId);
    expect(t.calls.byOwner).toBe(2);
  });

  it('caches a "no" too, and asks every time with a TTL of 0', async () => {
    const t = setup();
    expect(await t.directory.ofOwner('owner-without-business')).toBeNull();
    await t.directory.ofOwner('owner-without-business');
    expect(t.calls.byOwner).toBe(1);
    const uncached = setup(0);
    await uncached.directory.ofOwner('x');
    await uncached.directory.ofOwner('x');
    expect(uncached.calls.byOwner).toBe(2);
  });

  it('asks again after forget, and when the read model’s version moved on', async () => {
    const t = setup();
    const business = buildBusiness();
    t.answers.set(business.id, answerOf(business));
    await t.directory.ofOwner(business.ownerId);
    t.directory.forget(business.ownerId);
    await t.directory.ofOwner(business.ownerId);
    expect(t.calls.byOwner).toBe(2);
    t.rows.set(business.id, rowOf({ ...business, status: 'SUSPENDED' }, 3));
    await t.directory.ofOwner(business.ownerId);
    expect(t.calls.byOwner).toBe(3);
  });

  it('lets the read model take an owner’s answer only when it is newer than what it holds', async () => {
    const t = setup();
    const business = buildBusiness({ status: 'PENDING', isVerified: false });
    t.rows.set(business.id, rowOf(business, 1));
    const verified = { ...business, status: 'ACTIVE' as const, isVerified: true };
    // Verified (version 2) before its event got here: the answer moves the read model on.
    t.answers.set(business.id, answerOf(verified, 2));
    expect(await t.directory.ofOwner(business.ownerId)).toEqual(verified);
    expect(t.rows.get(business.id)).toEqual(rowOf(verified, 2, ALWAYS_OPEN));
    // An answer older than what an event brought meanwhile changes nothing.
    t.rows.set(business.id, rowOf({ ...verified, status: 'SUSPENDED' }, 3));
    t.directory.forget(business.ownerId);
    await t.directory.ofOwner(business.ownerId);
    expect(t.rows.get(business.id)).toMatchObject({ status: 'SUSPENDED', version: 3 });
  });

  it('shares one lookup between concurrent callers, and does not keep it if forgotten meanwhile', async () => {
    const t = setup();
    const business = buildBusiness();
    t.answers.set(business.id, answerOf(business));
    t.hold();
    const pending = [t.directory.ofOwner(business.ownerId), t.directory.ofOwner(business.ownerId)];
    t.directory.forget(business.ownerId);
    t.releaseHeld();
    expect(await Promise.all(pending)).toEqual([business, business]);
    expect(t.calls.byOwner).toBe(1);
    await t.directory.ofOwner(business.ownerId);
    expect(t.calls.byOwner).toBe(2);
  });

  it('reads a business by id from the read model, else from the business service, seeding the model with its schedule', async () => {
    const t = setup();
    const known = buildBusiness();
    t.rows.set(known.id, rowOf(known, 4));
    expect(await t.directory.byId(known.id)).toEqual(known);
    expect(t.calls.byId).toBe(0);
    const remote = buildBusiness();
    const hours: Schedule = { weekly: { MON: [['09:00', '17:00']] }, overrides: [] };
    t.answers.set(remote.id, answerOf(remote, 2, hours));
    // The summary alone: no version, no schedule.
    expect(await t.directory.byId(remote.id)).toEqual(remote);
    expect(t.rows.get(remote.id)).toEqual(rowOf(remote, 2, hours));
    expect(await t.directory.byId('unknown')).toBeNull();
    expect(t.calls.byId).toBe(2);
  });
});
