import { minutesOf, weekdays, type DayIntervals, type Schedule } from '@slotwise/contracts';
import { DAY_MS, instantOf, isoDate, wallClockOf, weekdayIndex } from './zoned-time.js';

/** A half-open range of instants, in ms. */
export interface Span {
  start: number;
  end: number;
}

const AROUND_THE_CLOCK: DayIntervals = [['00:00', '24:00']];

/**
 * The open time of a schedule within [from, to), as instants: each local date's intervals (its
 * override, else its weekday's; around the clock when there are no weekly hours) turned into
 * instants in the time zone, sorted, and joined where they touch or overlap, so that 12:00–13:00
 * and 13:00–17:00, or a day's 24:00 and the next day's 00:00, are one span. A wall-clock time
 * holds across a DST change (09:00 is 09:00 on both sides of it).
 */
export function openSpans(schedule: Schedule, timezone: string, from: number, to: number): Span[] {
  if (schedule.weekly === null && schedule.overrides.length === 0)
    return [{ start: from, end: to }];
  const overrides = new Map(schedule.overrides.map((o) => [o.date, o.intervals]));
  const first = wallClockOf(from, timezone).day - 1;
  const last = wallClockOf(to, timezone).day + 1;
  const spans: Span[] = [];
  for (let day = first; day <= last; day += 1) {
    const intervals =
      overrides.get(isoDate(day)) ??
      (schedule.weekly === null
        ? AROUND_THE_CLOCK
        : (schedule.weekly[weekdays[weekdayIndex(day)]!] ?? []));
    for (const [open, close] of intervals) {
      const start = instantOf(day, minutesOf(open), timezone);
      const end = instantOf(day, minutesOf(close), timezone); // 24:00 = next midnight
      if (end > start) spans.push({ start, end });
    }
  }
  return clip(join(spans), from, to);
}

/** Whether every instant of [start, end) is open. */
export function isOpen(schedule: Schedule, timezone: string, start: number, end: number): boolean {
  const spans = openSpans(schedule, timezone, start, end);
  return spans.length === 1 && spans[0]!.start === start && spans[0]!.end === end;
}

/** Sorted and joined where they touch or overlap. */
export function join(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const joined: Span[] = [];
  for (const span of sorted) {
    const last = joined.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else joined.push({ ...span });
  }
  return joined;
}

function clip(spans: Span[], from: number, to: number): Span[] {
  return spans
    .map((s) => ({ start: Math.max(s.start, from), end: Math.min(s.end, to) }))
    .filter((s) => s.end > s.start);
}

export { DAY_MS };
