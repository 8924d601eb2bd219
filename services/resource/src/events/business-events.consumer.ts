import {
  businessScheduleChangedData,
  businessSummary,
  EventTypes,
  type BusinessSummary,
  type Schedule,
} from '@slotwise/contracts';
import type {
  EventEnvelope,
  EventHandler,
  EventTransport,
  Subscription,
} from '@slotwise/platform/events';
import type { BusinessDirectory } from '../businesses/business-directory.js';
import type { z } from 'zod';
import type { Store } from '../db/store.repository.js';

/** The queue's name on the broker (`<prefix>.resource`), shared by every instance. */
export const CONSUMER_NAME = 'resource';
/** Every `business.*` event carries the business's summary, whatever happened to it. */
export const SUBSCRIBED_PATTERNS: readonly string[] = ['business.*'];

/** Thrown, so it ends in the dead-letter queue: a publisher's bug, not a passing fault. */
function invalid(event: EventEnvelope, error: z.ZodError): Error {
  const fields = error.issues.map((issue) => issue.path.join('.') || '(root)');
  return new Error(`Invalid ${event.type} data: ${fields.join(', ')}`);
}

/** The summary of any `business.*` event, and the schedule of `business.schedule_changed`. */
function read(event: EventEnvelope): { summary: BusinessSummary; schedule?: Schedule } {
  if (event.type === EventTypes.businessScheduleChanged) {
    const parsed = businessScheduleChangedData.safeParse(event.data);
    if (!parsed.success) throw invalid(event, parsed.error);
    const { schedule, changedBy: _changedBy, ...summary } = parsed.data;
    return { summary, schedule };
  }
  const parsed = businessSummary.safeParse(event.data);
  if (!parsed.success) throw invalid(event, parsed.error);
  return { summary: parsed.data };
}

/**
 * Keeps the `businesses` read model: applied once per event (inbox) and only when newer than the
 * row (version; the schedule against its own), since redeliveries and retries reorder events.
 * That row is what hides a suspended business's resources from customers at once, shows them
 * again when it is reactivated, and gives booking the business's opening hours.
 */
export function businessEventHandler(store: Store, directory: BusinessDirectory): EventHandler {
  return async (event, { logger }) => {
    const { summary, schedule } = read(event);
    const outcome = await store.onceForEvent(event, (repos) =>
      repos.businesses.apply(summary, event.version, schedule),
    );
    // Even a stale or repeated event says the owner's business changed lately: ask again.
    directory.forget(summary.ownerId);
    if (!outcome.processed) logger.debug('Event already applied; ignored');
    else if (!outcome.result) logger.info('Event older than the stored business; ignored');
    else logger.debug('Business read model updated');
  };
}

export function subscribeBusinessEvents(
  transport: EventTransport,
  handler: EventHandler,
): Promise<Subscription> {
  return transport.subscribe(CONSUMER_NAME, SUBSCRIBED_PATTERNS, handler);
}
