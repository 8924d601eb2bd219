import { isDeepStrictEqual } from 'node:util';
import { resolveBookingRules, type BookingRulesInput } from '@slotwise/contracts';
import { validationError } from '@slotwise/platform/errors';
import type { StoredBookingRules } from './resource.types.js';

/**
 * A resource's booking rules as stored: only the fields given, so that a rule left out follows
 * the platform's default; a null (`slotMinutes`) is the default, so it is not kept either.
 */
export function storedRulesOf(input: BookingRulesInput | undefined): StoredBookingRules {
  return Object.fromEntries(
    Object.entries(input ?? {}).filter(([, value]) => value !== undefined && value !== null),
  );
}

/**
 * PATCH: the given fields over the stored ones (a null clears one). The input schema checks
 * `minDurationMinutes <= maxDurationMinutes` within the body only; the merge may pair a new
 * bound with a stored one, so the result is checked again (400, as the schema would answer).
 */
export function mergeRules(
  stored: StoredBookingRules,
  patch: BookingRulesInput,
): StoredBookingRules {
  const merged = storedRulesOf({ ...stored, ...patch });
  const rules = resolveBookingRules(merged);
  if (rules.minDurationMinutes > rules.maxDurationMinutes) {
    throw validationError([
      {
        field: 'body.bookingRules.minDurationMinutes',
        message: `minDurationMinutes (${rules.minDurationMinutes}) is at most maxDurationMinutes (${rules.maxDurationMinutes})`,
      },
    ]);
  }
  return merged;
}

/** Whether two stored forms mean the same rules (a default given or left out is the same). */
export const sameRules = (a: StoredBookingRules, b: StoredBookingRules): boolean =>
  isDeepStrictEqual(resolveBookingRules(a), resolveBookingRules(b));
