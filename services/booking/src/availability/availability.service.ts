import { validationError } from '@slotwise/platform/errors';
import type { BookingRepository } from '../bookings/booking.repository.js';

export interface TimeRange {
  startTime: Date;
  endTime: Date;
}

const DAY_MS = 86_400_000;
const MAX_SLOTS = 10_000;

/**
 * When a resource is taken and when it is free. Busy ranges are the holding bookings overlapping
 * the window (every status but CANCELLED and NO_SHOW); free slots, when asked, are the
 * slot-length steps from `from` that overlap no busy range (ranges are half-open, so a slot may
 * start exactly when a booking ends).
 */
export class AvailabilityService {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly policy: { maxWindowDays: number; maxDurationDays: number },
  ) {}

  async availability(
    resourceId: string,
    from: Date,
    to: Date,
    slotMinutes?: number,
  ): Promise<{ busy: TimeRange[]; free?: TimeRange[] }> {
    if (to <= from)
      throw validationError([{ field: 'querystring.to', message: 'must be after from' }]);
    if (to.getTime() - from.getTime() > this.policy.maxWindowDays * DAY_MS) {
      throw validationError([
        {
          field: 'querystring.to',
          message: `the window is at most ${this.policy.maxWindowDays} days`,
        },
      ]);
    }
    const slotMs = slotMinutes ? slotMinutes * 60_000 : undefined;
    if (slotMs && (to.getTime() - from.getTime()) / slotMs > MAX_SLOTS) {
      throw validationError([
        {
          field: 'querystring.slotMinutes',
          message: `too small for this window (at most ${MAX_SLOTS} slots)`,
        },
      ]);
    }
    const busy = await this.bookings.busy(
      resourceId,
      from,
      to,
      this.policy.maxDurationDays * DAY_MS,
    );
    return slotMs ? { busy, free: freeSlots(busy, from, to, slotMs) } : { busy };
  }
}

export function freeSlots(
  busy: readonly TimeRange[],
  from: Date,
  to: Date,
  slotMs: number,
): TimeRange[] {
  const free: TimeRange[] = [];
  let next = 0; // busy is sorted by start; skip those that end before the slot
  for (let start = from.getTime(); start + slotMs <= to.getTime(); start += slotMs) {
    const end = start + slotMs;
    while (next < busy.length && busy[next]!.endTime.getTime() <= start) next += 1;
    let overlaps = false;
    // Sorted by start: nothing past the first range starting at or after the slot's end overlaps.
    for (let i = next; i < busy.length && busy[i]!.startTime.getTime() < end; i += 1) {
      if (busy[i]!.endTime.getTime() > start) {
        overlaps = true;
        break;
      }
    }
    if (!overlaps) free.push({ startTime: new Date(start), endTime: new Date(end) });
  }
  return free;
}
