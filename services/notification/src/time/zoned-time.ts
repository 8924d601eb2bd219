/** Wall-clock fields of an instant in some time zone. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const MINUTE_MS = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const resolvedZones = new Map<string, string | null>();

function fieldsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    // h23: some ICU versions write midnight as "24" under the default hour cycle.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * The canonical IANA name of `zone`, or null when this runtime does not know it. Events carry the
 * business's zone as a plain string, so a typo upstream must not make every mail about it throw.
 */
export function resolveTimeZone(zone: string): string | null {
  let resolved = resolvedZones.get(zone);
  if (resolved === undefined) {
    try {
      resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      resolved = null;
    }
    // Every mail asks; a formatter costs more than the mail's template. Bounded: zones come in
    // events, and a flood of made-up ones must not grow the map for ever.
    if (resolvedZones.size >= 1_000) resolvedZones.clear();
    resolvedZones.set(zone, resolved);
  }
  return resolved;
}

export function localDateTime(instant: Date, zone: string): LocalDateTime {
  const fields: Record<string, number> = {};
  for (const part of fieldsFormatter(zone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 0,
    day: fields.day ?? 0,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

function wallClockMs(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
}

/** The zone's offset from UTC at `instant`, in minutes (east positive: Berlin in summer is 120). */
export function offsetMinutes(instant: Date, zone: string): number {
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallClockMs(localDateTime(instant, zone)) - wholeSeconds) / MINUTE_MS);
}

/**
 * True when the wall-clock time of `instant` happened twice (the clocks went back) and `instant`
 * is the second time. A local time with a TZID means the first one (RFC 5545 §3.3.5), so such an
 * instant cannot be written that way without moving it an hour.
 */
export function isRepeatedLocalTime(instant: Date, zone: string): boolean {
  const now = offsetMinutes(instant, zone);
  // Every real fold lasts under 6 hours, so the offset before it is visible from there.
  const before = offsetMinutes(new Date(instant.getTime() - 6 * 60 * MINUTE_MS), zone);
  if (before <= now) return false;
  const first = new Date(wallClockMs(localDateTime(instant, zone)) - before * MINUTE_MS);
  return first.getTime() < instant.getTime() && offsetMinutes(first, zone) === before;
}

/**
 * How many days the zone's calendar moves from `from` to `to`: 0 on the same local day, 1 when
 * `to` is on the next one ("tomorrow"), whatever the hours in between.
 */
export function calendarDaysBetween(from: Date, to: Date, zone: string): number {
  const a = localDateTime(from, zone);
  const b = localDateTime(to, zone);
  const days = Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day);
  return Math.round(days / (24 * 60 * MINUTE_MS));
}
