import type { ResourceSnapshot } from '@slotwise/contracts';
import { notFound, validationError } from '@slotwise/platform/errors';
import type { BookingRepository, BusyRange } from '../bookings/booking.repository.js';
import type { ResourceCatalog } from '../resources/resource-catalog.js';
import { ruleViolation } from '../rules/booking-rules.js';
import { join, openSpans, type Span } from '../rules/opening-hours.js';
import { instantOf, wallClockOf } from '../rules/zoned-time.js';

export interface Availability {
  timezone: string;
  open: Span[];
  busy: Span[];
  free: (Span & { available: number })[];
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const MAX_SLOTS = 10_000;

/**
 * When a resource (or a room type) is open, taken and free (API.md, availability). A free slot
 * is decided by the very checks a create makes (booking rules, opening hours, the held time of
 * every booking with both buffers), so creating a booking with a free slot's times succeeds
 * unless someone took it meanwhile.
 */
export class AvailabilityService {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly catalog: ResourceCatalog,
    private readonly policy: { maxWindowDays: number; maxDurationDays: number },
  ) {}

  async availability(
    target: { resourceId?: string | undefined; categoryId?: string | undefined },
    from: Date,
    to: Date,
    slotMinutes?: number,
    requestId?: string,
  ): Promise<Availability> {
    const window = { start: from.getTime(), end: to.getTime() };
    if (window.end <= window.start) {
      throw validationError([{ field: 'querystring.to', message: 'must be after from' }]);
    }
    if (window.end - window.start > this.policy.maxWindowDays * DAY_MS) {
      throw validationError([
        {
          field: 'querystring.to',
          message: `the window is at most ${this.policy.maxWindowDays} days`,
        },
      ]);
    }
    const units = await this.catalog.units(target, requestId, 'reading');
    if (!units) throw notFound(target.categoryId ? 'Category' : 'Resource');

    const slot = slotMinutes ?? units[0]?.bookingRules.slotMinutes ?? 60;
    if ((window.end - window.start) / (slot * MINUTE_MS) > MAX_SLOTS) {
      throw validationError([
        {
          field: 'querystring.slotMinutes',
          message: `too small for this window (at most ${MAX_SLOTS} slots)`,
        },
      ]);
    }
    const timezone = units[0]?.business.timezone ?? 'UTC';
    // A slot that ends near `to` keeps its buffer after it: bookings up to a day's buffer past
    // the window matter too.
    const busy = units.length
      ? await this.bookings.busy(
          units.map((u) => u.id),
          from,
          new Date(window.end + DAY_MS),
          this.policy.maxDurationDays * DAY_MS,
        )
      : [];
    const now = Date.now();
    const counts = new Map<number, number>();
    const open: Span[] = [];
    for (const unit of units) {
      const spans = openSpans(unit.schedule, unit.business.timezone, window.start, window.end);
      open.push(...spans);
      const held = join(busy.filter((b) => b.resourceId === unit.id).map(heldSpan));
      for (const start of freeStarts(unit, spans, held, window, slot, now)) {
        counts.set(start, (counts.get(start) ?? 0) + 1);
      }
    }
    const free = [...counts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([start, available]) => ({ start, end: start + slot * MINUTE_MS, available }));
    return {
      timezone,
      open: join(open),
      // For a room type, which unit is busy when is not a visitor's business: only the counts.
      busy: target.categoryId
        ? []
        : busy.filter((b) => b.startTime.getTime() < window.end).map(heldSpan),
      free,
    };
  }
}

const heldSpan = (b: BusyRange): Span => ({
  start: b.startTime.getTime(),
  end: b.heldUntil.getTime(),
});

/**
 * The starts of the free slots of one unit: wall-clock steps of `slot` minutes from each local
 * midnight, kept when the unit's rules allow the slot now, it lies wholly in one open span, and
 * its held time (with the unit's own buffer) overlaps no booking's held time.
 */
function* freeStarts(
  unit: ResourceSnapshot,
  open: Span[],
  held: Span[],
  window: Span,
  slot: number,
  now: number,
): Generator<number> {
  if (unit.status !== 'ACTIVE' || unit.business.status !== 'ACTIVE' || !unit.business.isVerified) {
    return;
  }
  const timezone = unit.business.timezone;
  const slotMs = slot * MINUTE_MS;
  const bufferMs = unit.bookingRules.bufferMinutes * MINUTE_MS;
  const seen = new Set<number>();
  let o = 0;
  let h = 0;
  const firstDay = wallClockOf(window.start, timezone).day;
  const lastDay = wallClockOf(window.end, timezone).day;
  for (let day = firstDay; day <= lastDay; day += 1) {
    for (let minutes = 0; minutes < 1_440; minutes += slot) {
      const start = instantOf(day, minutes, timezone);
      const end = start + slotMs;
      if (start < window.start || end > window.end || seen.has(start)) continue;
      seen.add(start); // a time skipped by a DST change lands on one that exists
      while (o < open.length && open[o]!.end < end) o += 1;
      if (o >= open.length) return;
      if (open[o]!.start > start) continue;
      while (h < held.length && held[h]!.end <= start) h += 1;
      if (h < held.length && held[h]!.start < end + bufferMs) continue;
      if (ruleViolation(unit.bookingRules, timezone, start, end, now)) continue;
      yield start;
    }
  }
}
