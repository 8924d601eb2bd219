import { isBusinessBookable, type ResourceSnapshot } from '@slotwise/contracts';
import type { AppError } from '@slotwise/platform/errors';
import { BookingErrors } from '../booking.errors.js';
import { ruleViolation } from './booking-rules.js';
import { isOpen } from './opening-hours.js';

/**
 * Why [start, end) cannot be booked on this resource at `now`, or null: the resource or its
 * business is not bookable (422 RESOURCE_NOT_BOOKABLE), a booking rule is broken (422
 * BOOKING_RULE_VIOLATED, `details.rule` naming it), or the time is not wholly open (422
 * OUTSIDE_OPENING_HOURS). The same checks, in the same functions, decide which slots
 * availability calls free, so a free slot books.
 */
export function placementRefusal(
  resource: ResourceSnapshot,
  start: number,
  end: number,
  now: number,
): AppError | null {
  if (resource.status !== 'ACTIVE' || !isBusinessBookable(resource.business)) {
    return BookingErrors.create('RESOURCE_NOT_BOOKABLE', 'This resource cannot be booked now', {
      details: { resourceStatus: resource.status, businessStatus: resource.business.status },
    });
  }
  const timezone = resource.business.timezone;
  const violation = ruleViolation(resource.bookingRules, timezone, start, end, now);
  if (violation) {
    return BookingErrors.create('BOOKING_RULE_VIOLATED', violation.message, {
      details: { rule: violation.rule, ...violation.details },
    });
  }
  if (!isOpen(resource.schedule, timezone, start, end)) {
    return BookingErrors.create(
      'OUTSIDE_OPENING_HOURS',
      `That time is not wholly within the opening hours (${timezone})`,
      { details: { timezone } },
    );
  }
  return null;
}
