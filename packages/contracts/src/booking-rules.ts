import { z } from 'zod';

/**
 * How a resource is sold (API.md, `bookingRules`): checked by booking on every create and
 * reschedule. Every field is optional on input; `resolveBookingRules` fills in the defaults.
 */
export const BOOKING_RULE_DEFAULTS = {
  minDurationMinutes: 1,
  maxDurationMinutes: 43_200,
  slotMinutes: null,
  bufferMinutes: 0,
  minNoticeMinutes: 0,
  maxAdvanceDays: 365,
  autoConfirm: false,
} as const;

const MAX_DURATION_MINUTES = 43_200; // 30 days

/** A grid that restarts at every midnight must divide the day. */
const slotMinutes = z
  .number()
  .int()
  .min(5)
  .max(1_440)
  .refine((minutes) => 1_440 % minutes === 0, 'divides a day (5, 10, 15, 20, 30, 60, … 1440)');

export const bookingRulesInput = z
  .strictObject({
    minDurationMinutes: z.number().int().min(1).max(MAX_DURATION_MINUTES).optional(),
    maxDurationMinutes: z.number().int().min(1).max(MAX_DURATION_MINUTES).optional(),
    slotMinutes: slotMinutes.nullable().optional(),
    bufferMinutes: z.number().int().min(0).max(1_440).optional(),
    minNoticeMinutes: z.number().int().min(0).max(525_600).optional(),
    maxAdvanceDays: z.number().int().min(1).max(730).optional(),
    autoConfirm: z.boolean().optional(),
  })
  .refine(
    (rules) =>
      (rules.minDurationMinutes ?? BOOKING_RULE_DEFAULTS.minDurationMinutes) <=
      (rules.maxDurationMinutes ?? BOOKING_RULE_DEFAULTS.maxDurationMinutes),
    { message: 'minDurationMinutes is at most maxDurationMinutes', path: ['minDurationMinutes'] },
  );
export type BookingRulesInput = z.infer<typeof bookingRulesInput>;

export const bookingRules = z.object({
  minDurationMinutes: z.number().int(),
  maxDurationMinutes: z.number().int(),
  slotMinutes: z.number().int().nullable(),
  bufferMinutes: z.number().int(),
  minNoticeMinutes: z.number().int(),
  maxAdvanceDays: z.number().int(),
  autoConfirm: z.boolean(),
});
export type BookingRules = z.infer<typeof bookingRules>;

/** Stored rules (possibly partial, possibly from before a field existed) with the defaults filled in. */
export const resolveBookingRules = (
  stored: Partial<BookingRules> | null | undefined,
): BookingRules => ({ ...BOOKING_RULE_DEFAULTS, ...stripUndefined(stored ?? {}) });

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** `details.rule` of 422 BOOKING_RULE_VIOLATED. */
export const bookingRuleNames = [
  'minNotice',
  'maxAdvance',
  'minDuration',
  'maxDuration',
  'slotGrid',
] as const;
export type BookingRuleName = (typeof bookingRuleNames)[number];
