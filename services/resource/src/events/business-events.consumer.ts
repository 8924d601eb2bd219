import { businessSummary } from '@slotwise/contracts';
import type { EventHandler, EventTransport, Subscription } from '@slotwise/platform/events';
import type { BusinessDirectory } from '../businesses/business-directory.js';
import type { Store } from '../db/store.repository.js';

/** The queue's name on the broker (`<prefix>.resource`), shared by every instance. */
export const CONSUMER_NAME = 'resource';
/** Every `business.*` event carries the business's summary, whatever happened to it. */
export const SUBSCRIBED_PATTERNS: readonly string[] = ['business.*'];

/**
 * Keeps the `businesses` read model: applied once per event (inbox) and only when newer than the
 * row (version), since redeliveries and retries reorder events. That row is what hides a suspended
 * business's resources from customers at once, and shows them again when it is reactivated.
 */
export function businessEventHandler(store: Store, directory: BusinessDirectory): EventHandler {
  return async (event, { logger }) => {
    const parsed = businessSummary.safeParse(event.data);
    if (!parsed.success) {
      // A publisher's bug, not a passing fault: thrown, so it ends in the dead-letter queue.
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
      throw new Error(`Invalid ${event.type} data: ${fields.join(', ')}`);
    }
    const outcome = await store.onceForEvent(event, (repos) =>
      repos.businesses.apply(parsed.data, event.version),
    );
    // Even a stale or repeated event says the owner's business changed lately: ask again.
    directory.forget(parsed.data.ownerId);
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
