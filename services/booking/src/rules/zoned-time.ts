/**
 * Wall-clock time in an IANA time zone, both ways, with Intl only. Opening hours and the slot grid
 * are wall-clock times of the business (API.md, Schedules); bookings are instants.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timezone: string): Intl.DateTimeFormat {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(timezone, format);
  }
  return format;
}

export interface WallClock {
  /** Days since 1970-01-01 of the local date. */
  day: number;
  /** Minutes after local midnight. */
  minutes: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The local date and time of an instant (to the minute). */
export function wallClockOf(instant: number, timezone: string): WallClock {
  const local = Math.floor(instant / MINUTE_MS) * MINUTE_MS + offsetAt(instant, timezone);
  const day = Math.floor(local / DAY_MS);
  return { day, minutes: (local - day * DAY_MS) / MINUTE_MS };
}

/**
 * Offsets change only at a zone's transitions, and every transition in use falls on a quarter
 * hour: within one quarter hour the offset is one number. Asking Intl costs microseconds (a week of
 * slots asks hundreds of times), a map lookup next to nothing; the cache is bounded.
 */
const QUARTER_MS = 15 * MINUTE_MS;
const MAX_CACHED_QUARTERS = 200_000;
const offsets = new Map<string, Map<number, number>>();

/** Local time minus UTC, in ms, at an instant. */
function offsetAt(instant: number, timezone: string): number {
  const quarter = Math.floor(instant / QUARTER_MS);
  let zone = offsets.get(timezone);
  if (!zone) {
    zone = new Map();
    offsets.set(timezone, zone);
  }
  const known = zone.get(quarter);
  if (known !== undefined) return known;
  const at = quarter * QUARTER_MS;
  const parts: Record<string, number> = {};
  for (const part of formatFor(timezone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const local =
    Date.UTC(parts.year!, parts.month! - 1, parts.day) +
    (parts.hour! * 60 + parts.minute!) * MINUTE_MS;
  const offset = local - at;
  if (zone.size >= MAX_CACHED_QUARTERS) zone.clear();
  zone.set(quarter, offset);
  return offset;
}

/**
 * The instant of a local date and time. A time skipped by a DST change (02:30 on a spring-forward
 * night) is moved forward by the change, a time that occurs twice (autumn) is the first of the
 * two: the 'compatible' rule of RFC 5545 and Temporal.
 */
export function instantOf(day: number, minutes: number, timezone: string): number {
  const wall = day * DAY_MS + minutes * MINUTE_MS;
  const before = offsetAt(wall - DAY_MS / 2, timezone);
  const after = offsetAt(wall + DAY_MS / 2, timezone);
  const candidates = [wall - before, wall - after].filter(
    (candidate) => offsetAt(candidate, timezone) === wall - candidate,
  );
  if (candidates.length === 0) return wall - before; // in the gap: forward by the change
  return Math.min(...candidates);
}

/** 0 = Monday … 6 = Sunday, of a local date. */
export const weekdayIndex = (day: number): number => (new Date(day * DAY_MS).getUTCDay() + 6) % 7;

/** "YYYY-MM-DD" of a local date. */
export const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export { DAY_MS, MINUTE_MS };
