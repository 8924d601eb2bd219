import {
  businessScheduleChangedData,
  businessSummary,
  EventTypes,
  type BusinessSummary,
  type Schedule,
} from '@slotwise/contracts';
import {
  defineConsumer,
  type Consumer,
  type ConsumerContext,
  type EventEnvelope,
} from '@slotwise/platform/events';
import type { BusinessDirectory } from '../businesses/business-directory.js';
import type { Store } from '../db/store.repository.js';

/**
 * Keeps the `businesses` read model from the `business.*` events, each of which carries the
 * business's summary (and `business.schedule_changed` its opening hours): applied once per event
 * (inbox) and only when newer than the row (version; the schedule against its own), since
 * redeliveries and retries reorder events. That row is what hides a suspended business's
 * resources from customers at once, shows them again when it is reactivated, and gives booking the
 * business's opening hours.
 *
 * The inbox row is written by the store here, not by the platform: even a stale or repeated event
 * says the owner's business changed lately, so the directory must forget its answer either way.
 */
export function businessEventsConsumer(store: Store, directory: BusinessDirectory): Consumer {
  const apply = async (
    summary: BusinessSummary,
    event: EventEnvelope<object>,
    { logger }: ConsumerContext,
    schedule?: Schedule,
  ): Promise<void> => {
    const outcome = await store.onceForEvent(event, (repos) =>
      repos.businesses.apply(summary, event.version, schedule),
    );
    directory.forget(summary.ownerId);
    if (!outcome.processed) logger.debug('Event already applied; ignored');
    else if (!outcome.result) logger.info('Event older than the stored business; ignored');
    else logger.debug('Business read model updated');
  };
  // Every business.* event is read for its summary alone: what this read model holds.
  const summaryOnly = { schema: businessSummary, handle: apply };

  return defineConsumer({
    name: 'resource',
    events: {
      [EventTypes.businessCreated]: summaryOnly,
      [EventTypes.businessVerified]: summaryOnly,
      [EventTypes.businessStatusChanged]: summaryOnly,
      [EventTypes.businessUpdated]: summaryOnly,
      [EventTypes.businessDeleted]: summaryOnly,
      [EventTypes.businessScheduleChanged]: {
        schema: businessScheduleChangedData,
        handle: ({ schedule, changedBy: _changedBy, ...summary }, event, context) =>
          apply(summary, event, context, schedule),
      },
    },
  });
}
