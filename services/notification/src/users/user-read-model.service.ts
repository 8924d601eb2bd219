import type { UserStatus } from '@slotwise/contracts';
import type { EventEnvelope } from '@slotwise/platform/events';
import { UserNotInReadModelError } from './user.errors.js';
import type { UserFields, UserRecord, UserRepository } from './user.repository.js';

/** What one `user.*` event says about the user; `status` is absent when the event does not say. */
export type UserChange =
  | { kind: 'profile'; profile: Omit<UserFields, 'status'>; status?: UserStatus }
  | { kind: 'status'; status: UserStatus };

export type ApplyOutcome = 'applied' | 'stale' | 'duplicate';

type UserEvent = Pick<EventEnvelope, 'id' | 'type' | 'aggregateId' | 'version'>;

/**
 * Keeps the local copy of auth's users current. Events arrive at least once and retries reorder
 * them, so each is applied once (inbox) and only if it is newer than what the row holds (version).
 */
export class UserReadModelService {
  constructor(private readonly users: UserRepository) {}

  async apply(event: UserEvent, userId: string, change: UserChange): Promise<ApplyOutcome> {
    const result = await this.users.onceForEvent(event, async (store): Promise<ApplyOutcome> => {
      const fields: Partial<UserFields> =
        change.kind === 'profile'
          ? { ...change.profile, ...(change.status ? { status: change.status } : {}) }
          : { status: change.status };
      if (await store.updateIfOlder(userId, event.version, fields)) return 'applied';
      if (await store.exists(userId)) return 'stale';
      if (change.kind === 'profile' && change.status) {
        await store.insert({
          id: userId,
          ...change.profile,
          status: change.status,
          version: event.version,
        });
        return 'applied';
      }
      // Rolls the inbox row back with it, so the retry applies the event for real.
      throw new UserNotInReadModelError(userId);
    });
    return result.processed ? result.result : 'duplicate';
  }

  async findById(userId: string): Promise<UserRecord | null> {
    return this.users.findById(userId);
  }

  async findByIds(userIds: readonly string[]): Promise<Map<string, UserRecord>> {
    return this.users.findByIds(userIds);
  }
}
