import { z } from 'zod';

/**
 * Opening hours (API.md, Schedules): wall-clock intervals per weekday in the business's time zone,
 * and dated overrides that replace a date's weekly intervals (`[]` closes the date). The business
 * service owns a business's schedule, the resource service a resource's own; booking evaluates
 * the one that applies (services/booking/src/rules).
 */
export const weekdays = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof weekdays)[number];

/** "HH:MM" from 00:00 to 23:59, or "24:00" (which may only end an interval). */
export const clockTime = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time of day "HH:MM" (00:00 to 24:00)')
  .meta({ examples: ['09:00'] });

/** Minutes after midnight of "HH:MM". */
export const minutesOf = (time: string): number =>
  Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export const openInterval = z
  .tuple([clockTime, clockTime])
  .refine(([start, end]) => minutesOf(start) < minutesOf(end), 'an interval starts before it ends')
  .meta({ examples: [['09:00', '17:30']] });

/** One day's intervals: sorted and not overlapping (intervals that touch are allowed: they join). */
export const dayIntervals = z
  .array(openInterval)
  .max(48)
  .superRefine((intervals, ctx) => {
    for (let i = 1; i < intervals.length; i += 1) {
      if (minutesOf(intervals[i]![0]) < minutesOf(intervals[i - 1]![1])) {
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: 'intervals are sorted and do not overlap',
        });
      }
    }
  });
export type DayIntervals = z.infer<typeof dayIntervals>;

/** `weekly`: a key per open weekday; an absent day is closed. */
export const weeklyHours = z.strictObject(
  Object.fromEntries(weekdays.map((day) => [day, dayIntervals.optional()])) as Record<
    Weekday,
    z.ZodOptional<typeof dayIntervals>
  >,
);
export type WeeklyHours = z.infer<typeof weeklyHours>;

export const scheduleOverride = z.strictObject({
  date: z.iso.date(),
  intervals: dayIntervals,
});
export type ScheduleOverride = z.infer<typeof scheduleOverride>;

export const MAX_OVERRIDES = 500;

export const scheduleOverrides = z
  .array(scheduleOverride)
  .max(MAX_OVERRIDES)
  .superRefine((overrides, ctx) => {
    const seen = new Set<string>();
    overrides.forEach((override, i) => {
      if (seen.has(override.date)) {
        ctx.addIssue({ code: 'custom', path: [i, 'date'], message: 'one override per date' });
      }
      seen.add(override.date);
    });
  });

/**
 * A schedule as stored and passed around: `weekly: null` means open around the clock (then only
 * the overrides restrict it). Overrides are kept sorted by date.
 */
export const schedule = z.object({
  weekly: weeklyHours.nullable(),
  overrides: z.array(scheduleOverride),
});
export type Schedule = z.infer<typeof schedule>;

/** `PUT …/schedule` body. */
export const scheduleInput = z.strictObject({
  weekly: weeklyHours.nullable(),
  overrides: scheduleOverrides.optional(),
});
export type ScheduleInput = z.infer<typeof scheduleInput>;

/** The stored form of a PUT: overrides sorted by date, none omitted. */
export const normalizeSchedule = (input: ScheduleInput): Schedule => ({
  weekly: input.weekly,
  overrides: [...(input.overrides ?? [])].sort((a, b) => a.date.localeCompare(b.date)),
});

/** Open around the clock: what a business or resource without a schedule has. */
export const ALWAYS_OPEN: Schedule = { weekly: null, overrides: [] };
