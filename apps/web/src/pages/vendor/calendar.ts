import { dayKey } from '../../format';

/**
 * Calendar dates ("YYYY-MM-DD") in the business's time zone, and the instants where they begin:
 * the bookings screen asks the API for the bookings between two such instants.
 */
const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isDate = (text: string | null): text is string =>
  !!text && DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/** Today's date where the business is. */
export const todayIn = (timeZone: string): string => dayKey(new Date().toISOString(), timeZone);

/** The date `days` after `date` (calendar arithmetic: no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of `date`'s week. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant `date` begins in `timeZone`: its midnight, or, where a DST change skips midnight,
 * the first moment of the date that exists.
 */
export function startOfDay(date: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  let guess = midnightUtc - offsetAt(midnightUtc, timeZone);
  // The offset at the guess may differ from the one at UTC midnight (a DST change between them).
  guess = midnightUtc - offsetAt(guess, timeZone);
  while (dayKey(new Date(guess).toISOString(), timeZone) < date) guess += 15 * 60_000;
  return new Date(guess);
}

/** "Monday 7 December 2026" for a date, as the vendor reads it. */
export function longDate(date: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** "Mon 7 Dec" for a date. */
export function shortDate(date: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}
