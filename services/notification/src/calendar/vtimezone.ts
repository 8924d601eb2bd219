import { offsetMinutes } from '../time/zoned-time.js';
import { formatLocal, formatOffset, utcFields } from './ics-text.js';

/** A change of the zone's UTC offset. */
export interface ZoneTransition {
  /** The first instant with the new offset. */
  at: Date;
  offsetFrom: number;
  offsetTo: number;
}

const MINUTE_MS = 60_000;
/** Real zones never change their offset twice within this step, so no change is missed. */
const SCAN_STEP_MS = 6 * 60 * MINUTE_MS;
/** One year of history before the event: the observances read like the zone's real rules. */
const LOOKBACK_MS = 366 * 24 * 60 * MINUTE_MS;

/** Every offset change in (from, to], found by scanning and then bisecting to the minute. */
export function findTransitions(zone: string, from: Date, to: Date): ZoneTransition[] {
  const transitions: ZoneTransition[] = [];
  let previous = from.getTime();
  let previousOffset = offsetMinutes(from, zone);
  while (previous < to.getTime()) {
    const next = Math.min(previous + SCAN_STEP_MS, to.getTime());
    const nextOffset = offsetMinutes(new Date(next), zone);
    if (nextOffset !== previousOffset) {
      let low = previous;
      let high = next;
      while (high - low > MINUTE_MS) {
        const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
        if (offsetMinutes(new Date(middle), zone) === previousOffset) low = middle;
        else high = middle;
      }
      transitions.push({ at: new Date(high), offsetFrom: previousOffset, offsetTo: nextOffset });
    }
    previous = next;
    previousOffset = nextOffset;
  }
  return transitions;
}

function observance(
  onset: string,
  offsetFrom: number,
  offsetTo: number,
  standardOffset: number,
): string[] {
  // Intl does not say which offset is "summer time"; the smallest one in the window is standard.
  const kind = offsetTo > standardOffset ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    `DTSTART:${onset}`,
    `TZOFFSETFROM:${formatOffset(offsetFrom)}`,
    `TZOFFSETTO:${formatOffset(offsetTo)}`,
    `END:${kind}`,
  ];
}

/**
 * The VTIMEZONE (RFC 5545 §3.6.5) a TZID needs, derived from the runtime's tz database rather than
 * a copied table: one observance per actual offset change from a year before `start` to `end`,
 * each with its onset, plus a first one that holds before those. No RRULEs: listing the real
 * changes cannot get a rule wrong, and the window is all the event's times need.
 */
export function vtimezoneLines(zone: string, start: Date, end: Date): string[] {
  const from = new Date(start.getTime() - LOOKBACK_MS);
  const transitions = findTransitions(zone, from, end);
  const initialOffset = offsetMinutes(from, zone);
  const standardOffset = Math.min(initialOffset, ...transitions.map((t) => t.offsetTo));
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    ...observance('19700101T000000', initialOffset, initialOffset, standardOffset),
  ];
  for (const { at, offsetFrom, offsetTo } of transitions) {
    // An onset is the wall-clock time in force before the change, i.e. read with TZOFFSETFROM.
    const onset = formatLocal(utcFields(new Date(at.getTime() + offsetFrom * MINUTE_MS)));
    lines.push(...observance(onset, offsetFrom, offsetTo, standardOffset));
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
