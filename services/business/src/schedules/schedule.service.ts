import {
  ALWAYS_OPEN,
  normalizeSchedule,
  type Schedule,
  type ScheduleInput,
} from '@slotwise/contracts';
import { notFound } from '@slotwise/platform/errors';
import type { Store } from '../db/store.repository.js';
import { BusinessEvents } from '../events/business-events.js';
import { canSee, changeBusiness } from '../businesses/business-access.js';
import type { Caller, ScheduledBusiness, Viewer } from '../businesses/business.types.js';

/** A business's opening hours with the time zone their wall-clock times are in. */
export interface OpeningHours extends Schedule {
  timezone: string;
}

const hoursOf = (business: ScheduledBusiness): OpeningHours => ({
  timezone: business.timezone,
  ...(business.schedule ?? ALWAYS_OPEN),
});

/**
 * A business's opening hours (API.md, Schedules). Seen by whoever sees the business; changed by
 * its owner or an admin under the same rules as its profile (an `edit` for the state machine:
 * not the owner's while SUSPENDED, nobody's once DELETED). Every change bumps the version and
 * announces the whole schedule in the same transaction.
 */
export class ScheduleService {
  constructor(private readonly store: Store) {}

  async get(viewer: Viewer, id: string): Promise<OpeningHours> {
    const business = await this.store.repos.businesses.findScheduled({ id });
    if (!business || !canSee(viewer, business)) throw notFound('Business');
    return hoursOf(business);
  }

  /** Replaces the whole schedule with `input`, stored in its normal form (overrides by date). */
  async replace(
    caller: Caller,
    id: string,
    input: ScheduleInput,
    requestId?: string,
  ): Promise<OpeningHours> {
    return this.write(caller, id, normalizeSchedule(input), requestId);
  }

  /** Open around the clock again. */
  async remove(caller: Caller, id: string, requestId?: string): Promise<void> {
    await this.write(caller, id, null, requestId);
  }

  private write(
    caller: Caller,
    id: string,
    schedule: Schedule | null,
    requestId: string | undefined,
  ): Promise<OpeningHours> {
    return changeBusiness(this.store, caller, id, { kind: 'edit' }, async (tx) => {
      const updated = await tx.businesses.setSchedule(id, schedule);
      await tx.outbox.add(BusinessEvents.scheduleChanged(updated, caller.id, requestId));
      return hoursOf(updated);
    });
  }
}
