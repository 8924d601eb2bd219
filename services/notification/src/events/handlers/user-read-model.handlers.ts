import {
  userDeletedData,
  userRegisteredData,
  userStatusChangedData,
  userUpdatedData,
} from '@slotwise/contracts';
import { on, type ConsumedEvent } from '@slotwise/platform/events';
import type { Logger } from '@slotwise/platform/logger';
import type { ApplyOutcome } from '../../users/user-read-model.service.js';
import type { HandlerDependencies } from './handler-dependencies.js';

type Deps = Pick<HandlerDependencies, 'users'>;

/**
 * The read model's entries write the event's inbox row themselves, in the transaction of their
 * change (users.apply), and report a repeat as 'duplicate'.
 */
export function userRegisteredHandler({ users }: Deps): ConsumedEvent<typeof userRegisteredData> {
  return on(userRegisteredData, async (data, event, { logger }) => {
    const { userId, status, email, username, firstName, lastName, role } = data;
    const profile = { email, username, firstName, lastName, role };
    logOutcome(logger, await users.apply(event, userId, { kind: 'profile', profile, status }));
  });
}

/** A profile edit: the event carries the whole profile but not the status. */
export function userUpdatedHandler({ users }: Deps): ConsumedEvent<typeof userUpdatedData> {
  return on(userUpdatedData, async (data, event, { logger }) => {
    const { userId, email, username, firstName, lastName, role } = data;
    const profile = { email, username, firstName, lastName, role };
    logOutcome(logger, await users.apply(event, userId, { kind: 'profile', profile }));
  });
}

export function userStatusChangedHandler({
  users,
}: Deps): ConsumedEvent<typeof userStatusChangedData> {
  return on(userStatusChangedData, async (data, event, { logger }) => {
    const { userId, status } = data;
    logOutcome(logger, await users.apply(event, userId, { kind: 'status', status }));
  });
}

/** auth deletes softly; the row stays so later events about the user still find a name. */
export function userDeletedHandler({ users }: Deps): ConsumedEvent<typeof userDeletedData> {
  return on(userDeletedData, async (data, event, { logger }) => {
    const change = { kind: 'status', status: 'DELETED' } as const;
    logOutcome(logger, await users.apply(event, data.userId, change));
  });
}

export function logOutcome(logger: Logger, outcome: ApplyOutcome): void {
  switch (outcome) {
    case 'applied':
      logger.debug('User read model updated');
      return;
    case 'stale':
      logger.info('Event older than the stored user; ignored');
      return;
    case 'duplicate':
      logger.debug('Event already applied; ignored');
      return;
  }
}
