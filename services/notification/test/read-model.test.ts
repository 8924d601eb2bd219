import { EventTypes } from '@slotwise/contracts';
import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserEvent, buildUserProfile } from './factories.js';
import { startHarness, type Harness } from './harness.js';

describe('user read model', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('follows register → verify → status change and ignores an older event', async () => {
    const profile = buildUserProfile();
    const { userId, status: _status, ...rest } = profile;
    const registered = buildUserEvent(EventTypes.userRegistered, userId, 1, profile);
    await harness.publish(registered);
    await waitFor(async () => {
      expect(await harness.user(userId)).toEqual({
        id: userId,
        email: profile.email,
        username: profile.username,
        firstName: 'Grace',
        lastName: 'Hopper',
        role: 'CUSTOMER',
        status: 'PENDING_VERIFICATION',
        version: 1,
      });
    });

    await harness.publish(buildUserEvent(EventTypes.userVerified, userId, 2, { userId, ...rest }));
    await waitFor(async () => {
      expect(await harness.user(userId)).toMatchObject({ status: 'ACTIVE', version: 2 });
    });

    const suspended = { userId, status: 'SUSPENDED', previousStatus: 'ACTIVE', changedBy: null };
    await harness.publish(buildUserEvent(EventTypes.userStatusChanged, userId, 3, suspended));
    await waitFor(async () => {
      expect(await harness.user(userId)).toMatchObject({ status: 'SUSPENDED', version: 3 });
    });

    // A profile edit at version 2 that a retry held back until after version 3.
    const late = buildUserEvent(EventTypes.userUpdated, userId, 2, {
      userId,
      ...rest,
      firstName: 'Stale',
    });
    await harness.publish(late);
    await waitFor(async () => expect(await harness.inboxHas(late.id)).toBe(true));
    expect(await harness.user(userId)).toMatchObject({
      firstName: 'Grace',
      status: 'SUSPENDED',
      version: 3,
    });

    // The registration again, as a redelivery: already in the inbox, nothing changes.
    await harness.publish(registered);
    await harness.publish(
      buildUserEvent(EventTypes.userUpdated, userId, 4, { userId, ...rest, firstName: 'Amazing' }),
    );
    await waitFor(async () => {
      expect(await harness.user(userId)).toMatchObject({
        firstName: 'Amazing',
        status: 'SUSPENDED',
        version: 4,
      });
    });
  });

  it('applies a status change that overtook the registration once the registration arrives', async () => {
    const profile = buildUserProfile({ role: 'VENDOR' });
    const { userId } = profile;
    const suspended = { userId, status: 'SUSPENDED', previousStatus: 'PENDING_VERIFICATION' };
    const early = buildUserEvent(EventTypes.userStatusChanged, userId, 2, {
      ...suspended,
      changedBy: null,
    });
    await harness.publish(early);
    await harness.publish(buildUserEvent(EventTypes.userRegistered, userId, 1, profile));

    await waitFor(
      async () => {
        expect(await harness.user(userId)).toMatchObject({
          role: 'VENDOR',
          status: 'SUSPENDED',
          version: 2,
        });
      },
      { timeoutMs: 20_000, intervalMs: 50 },
    );
    expect(await harness.inboxHas(early.id)).toBe(true);
  });

  it('marks a deleted user DELETED and keeps the row', async () => {
    const profile = buildUserProfile({ status: 'ACTIVE' });
    const { userId } = profile;
    await harness.publish(
      buildUserEvent(EventTypes.userRegistered, userId, 1, profile),
      buildUserEvent(EventTypes.userDeleted, userId, 2, { userId, deletedBy: null }),
    );
    await waitFor(async () => {
      expect(await harness.user(userId)).toMatchObject({
        email: profile.email,
        status: 'DELETED',
        version: 2,
      });
    });
  });
});
