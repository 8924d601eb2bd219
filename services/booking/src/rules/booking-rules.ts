import type { BookingRuleName, BookingRules } from '@slotwise/contracts';
import { DAY_MS, MINUTE_MS, wallClockOf } from './zoned-time.js';

export interface RuleViolation {
  rule: BookingRuleName;
  message: string;
  details: Record<string, unknown>;
}

/**
 * The first of a resource's booking rules (API.md, `bookingRules`) that [start, end) breaks at
 * `now`, or null. The slot grid counts from midnight in the business's time zone, in wall-clock
 * minutes; durations are real minutes.
 */
export function ruleViolation(
  rules: BookingRules,
  timezone: string,
  start: number,
  end: number,
  now: number,
): RuleViolation | null {
  const earliest = now + rules.minNoticeMinutes * MINUTE_MS;
  if (start < earliest) {
    return {
      rule: 'minNotice',
      message: `Bookings start at least ${rules.minNoticeMinutes} minutes from now`,
      details: { minNoticeMinutes: rules.minNoticeMinutes, earliestStart: iso(earliest) },
    };
  }
  const latest = now + rules.maxAdvanceDays * DAY_MS;
  if (start > latest) {
    return {
      rule: 'maxAdvance',
      message: `Bookings start at most ${rules.maxAdvanceDays} days ahead`,
      details: { maxAdvanceDays: rules.maxAdvanceDays, latestStart: iso(latest) },
    };
  }
  const minutes = (end - start) / MINUTE_MS;
  if (minutes < rules.minDurationMinutes) {
    return {
      rule: 'minDuration',
      message: `A booking lasts at least ${rules.minDurationMinutes} minutes`,
      details: { minDurationMinutes: rules.minDurationMinutes },
    };
  }
  if (minutes > rules.maxDurationMinutes) {
    return {
      rule: 'maxDuration',
      message: `A booking lasts at most ${rules.maxDurationMinutes} minutes`,
      details: { maxDurationMinutes: rules.maxDurationMinutes },
    };
  }
  const slot = rules.slotMinutes;
  if (slot !== null) {
    const onGrid =
      start % MINUTE_MS === 0 &&
      wallClockOf(start, timezone).minutes % slot === 0 &&
      Number.isInteger(minutes) &&
      minutes % slot === 0;
    if (!onGrid) {
      return {
        rule: 'slotGrid',
        message: `Bookings start on the ${slot}-minute grid from midnight (${timezone}) and last a multiple of ${slot} minutes`,
        details: { slotMinutes: slot, timezone },
      };
    }
  }
  return null;
}

const iso = (ms: number): string => new Date(ms).toISOString();
