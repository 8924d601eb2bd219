import {
  userDeletedData,
  userRegisteredData,
  userStatusChangedData,
  userUpdatedData,
} from '@slotwise/contracts';
import type { Logger } from '@slotwise/platform/logger';
import {
  defineHandler,
  type HandlerDependencies,
  type NotificationEventHandler,
} from '../handler-registry.js';
import type { ApplyOutcome } from '../../users/user-read-model.service.js';

type Deps = Pick<HandlerDependencies, 'users'>;

export function userRegisteredHandler({ users }: Deps): NotificationEventHandler {
  return defineHandler(userRegisteredData, async (event, { logger }) => {
    const { userId, status, email, username, firstName, lastName, role } = event.data;
    const profile = { email, username, firstName, lastName, role };
    logOutcome(logger, await users.apply(event, userId, { kind: 'profile', profile, status }));
  });
}

/** A profile edit: the event carries the whole profile but not the status. */
export function userUpdatedHandler({ users }: Deps): NotificationEventHandler {
  return defineHandler(userUpdatedData, async (event, { logger }) => {
    const { userId, email, username, firstName, lastName, role } = event.data;
    const profile = { email, username, firstName, lastName, role };
    logOutcome(logger, await users.apply(event, userId, { kind: 'profile', profile }));
  });
}

export function userStatusChangedHandler({ users }: Deps): NotificationEventHandler {
  return defineHandler(userStatusChangedData, async (event, { logger }) => {
    const { userId, status } = event.data;
    logOutcome(logger, await users.apply(event, userId, { kind: 'status', status }));
  });
}

/** auth deletes softly; the row stays so later events about the user still find a name. */
export function userDeletedHandler({ users }: Deps): NotificationEventHandler {
  return defineHandler(userDeletedData, async (event, { logger }) => {
    const change = { kind: 'status', status: 'DELETED' } as const;
    logOutcome(logger, await users.apply(event, event.data.userId, change));
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
