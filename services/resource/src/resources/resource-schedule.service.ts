import { isDeepStrictEqual } from 'node:util';
import { ALWAYS_OPEN, normalizeSchedule, type ScheduleInput } from '@slotwise/contracts';
import { notFound } from '@slotwise/platform/errors';
import type { Caller, Viewer } from '../access/caller.js';
import type { Store } from '../db/store.repository.js';
import { ResourceEvents } from '../events/resource-events.js';
import { manageable, visible } from './resource-access.js';
import type { ResourceScheduleView, ResourceWithBusiness } from './resource.types.js';

/** Its own schedule, else its business's (none: open around the clock), in the business's zone. */
export function scheduleViewOf(resource: ResourceWithBusiness): ResourceScheduleView {
  const { timezone } = resource.business;
  if (resource.schedule) return { timezone, ...resource.schedule, inherited: false };
  return { timezone, ...(resource.business.schedule ?? ALWAYS_OPEN), inherited: true };
}

/**
 * A resource's own opening hours, which replace its business's for it. Seen as the resource is
 * (public), changed by its owner or an ADMIN; a change writes `resource.updated` with the change.
 */
export class ResourceScheduleService {
  constructor(private readonly store: Store) {}

  async get(viewer: Viewer, id: string): Promise<ResourceScheduleView> {
    return scheduleViewOf(visible(viewer, await this.store.repos.resources.findWithBusiness(id)));
  }

  /** Stored normalised (overrides by date); the same schedule again changes nothing. */
  async replace(
    caller: Caller,
    id: string,
    input: ScheduleInput,
    requestId?: string,
  ): Promise<ResourceScheduleView> {
    const schedule = normalizeSchedule(input);
    return this.store.transaction(async (tx) => {
      const current = await manageable(tx, caller, id);
      if (isDeepStrictEqual(current.schedule, schedule)) return scheduleViewOf(current);
      const updated = await tx.resources.update(id, { schedule });
      if (!updated) throw notFound('Resource');
      await tx.outbox.add(ResourceEvents.updated(updated, requestId));
      return scheduleViewOf({ ...current, schedule });
    });
  }

  /** The resource follows its business's schedule again; without one of its own, a no-op. */
  async remove(caller: Caller, id: string, requestId?: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const current = await manageable(tx, caller, id);
      if (current.schedule === null) return;
      const updated = await tx.resources.update(id, { schedule: null });
      if (!updated) throw notFound('Resource');
      await tx.outbox.add(ResourceEvents.updated(updated, requestId));
    });
  }
}
