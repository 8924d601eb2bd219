import type { Schemas } from '../../api/client';

/**
 * Opening hours as the editor holds them (API.md, Schedules): every weekday with its intervals
 * (none: closed), and dated exceptions. Converted to the API's body on save, and the API's
 * validation errors (`weekly.MON.0`, `overrides.2.date`) traced back to the day or exception.
 */
export const WEEKDAYS = [
  ['MON', 'Monday'],
  ['TUE', 'Tuesday'],
  ['WED', 'Wednesday'],
  ['THU', 'Thursday'],
  ['FRI', 'Friday'],
  ['SAT', 'Saturday'],
  ['SUN', 'Sunday'],
] as const;

export type Weekday = (typeof WEEKDAYS)[number][0];
export type Interval = [string, string];
type Weekly = NonNullable<Schemas['BusinessSchedule']['weekly']>;
export interface ScheduleBody {
  weekly: Weekly;
  overrides: { date: string; intervals: Interval[] }[];
}

/** Hours as the API answers them (its reads type an interval as a plain array). */
export interface Hours {
  timezone: string;
  weekly: Partial<Record<Weekday, string[][]>> | null;
  overrides: { date: string; intervals: string[][] }[];
}

export interface ExceptionDraft {
  /** Stable across edits, for React and for the fields' ids. */
  key: number;
  date: string;
  intervals: Interval[];
}

export interface ScheduleDraft {
  weekly: Record<Weekday, Interval[]>;
  overrides: ExceptionDraft[];
}

/** Where a business that was open around the clock starts from: office hours, weekends closed. */
const OFFICE_HOURS: Interval[] = [['09:00', '17:00']];

export const DEFAULT_INTERVAL: Interval = ['09:00', '17:00'];

let nextKey = 1;
export const newException = (date = '', intervals: Interval[] = []): ExceptionDraft => ({
  key: nextKey++,
  date,
  intervals,
});

const interval = ([from = '', to = '']: string[]): Interval => [from, to];

export function draftOf(schedule: Hours): ScheduleDraft {
  const weekly = Object.fromEntries(
    WEEKDAYS.map(([day]) => [
      day,
      schedule.weekly
        ? (schedule.weekly[day] ?? []).map(interval)
        : day === 'SAT' || day === 'SUN'
          ? []
          : OFFICE_HOURS.map(interval),
    ]),
  ) as Record<Weekday, Interval[]>;
  return {
    weekly,
    overrides: schedule.overrides.map((o) => newException(o.date, o.intervals.map(interval))),
  };
}

/** The PUT body: closed days left out, the exceptions in the order shown (errors name them so). */
export function bodyOf(draft: ScheduleDraft): ScheduleBody {
  const weekly: Weekly = {};
  for (const [day] of WEEKDAYS) {
    const intervals = draft.weekly[day].map(([a, b]): Interval => [a.trim(), b.trim()]);
    if (intervals.length > 0) weekly[day] = intervals;
  }
  return {
    weekly,
    overrides: draft.overrides.map((o) => ({
      date: o.date,
      intervals: o.intervals.map(([a, b]): Interval => [a.trim(), b.trim()]),
    })),
  };
}

/** One refusal, on one day or exception; `interval` when it names one of its intervals. */
export interface PlacedError {
  interval?: number;
  text: string;
}

export interface ScheduleErrors {
  days: Partial<Record<Weekday, PlacedError[]>>;
  /** By the exception's place in the body sent. */
  exceptions: Record<number, PlacedError[]>;
  /** Errors on the schedule as a whole. */
  other: string[];
}

const END = ['opening time', 'closing time'];

/** "Hours 2, closing time: …" from the rest of a path under a day's intervals. */
function placed(rest: string[], message: string): PlacedError {
  if (rest.length === 0) return { text: message };
  const interval = Number(rest[0]);
  const end = rest[1] !== undefined ? `, ${END[Number(rest[1])] ?? rest[1]}` : '';
  return { interval, text: `Hours ${interval + 1}${end}: ${message}` };
}

/** The API's field errors (paths without `body.`) by the day or exception they concern. */
export function scheduleErrors(fields: Record<string, string>): ScheduleErrors {
  const errors: ScheduleErrors = { days: {}, exceptions: {}, other: [] };
  for (const [path, message] of Object.entries(fields)) {
    const [root, at, ...rest] = path.split('.');
    if (root === 'weekly' && WEEKDAYS.some(([day]) => day === at)) {
      const day = at as Weekday;
      (errors.days[day] ??= []).push(placed(rest, message));
    } else if (root === 'overrides' && at !== undefined && /^\d+$/.test(at)) {
      const index = Number(at);
      const list = (errors.exceptions[index] ??= []);
      if (rest[0] === 'intervals') list.push(placed(rest.slice(1), message));
      else list.push({ text: rest[0] === 'date' ? `Date: ${message}` : message });
    } else {
      errors.other.push(`${path || 'The hours'}: ${message}`);
    }
  }
  return errors;
}

export const hasErrors = (errors: ScheduleErrors): boolean =>
  Object.keys(errors.days).length > 0 ||
  Object.keys(errors.exceptions).length > 0 ||
  errors.other.length > 0;

/** "09:00–12:00, 13:00–17:30", or "Closed". */
export const intervalsText = (intervals: readonly (readonly string[])[]): string =>
  intervals.length === 0 ? 'Closed' : intervals.map(([a, b]) => `${a}–${b}`).join(', ');
