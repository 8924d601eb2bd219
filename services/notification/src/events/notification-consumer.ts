import type { EventTransport, RetryPolicy, Subscription } from '@slotwise/platform/events';
import { assertSubscribed, createDispatcher, type HandlerRegistry } from './handler-registry.js';
import { SUBSCRIBED_PATTERNS } from './handlers/index.js';

/** The queue's name on the broker (`<prefix>.notification`); shared by every instance. */
export const CONSUMER_NAME = 'notification';

const PREFETCH = 32;

/**
 * Binds the queue to the patterns and starts handling: `concurrency` events at a time, those of
 * one aggregate (a booking, a user) one after another, in order (a booking's confirmation before
 * its cancellation). A mail mostly waits on SMTP and the database, so more than one at a time
 * drains a backlog faster.
 */
export async function subscribeNotificationConsumer(
  transport: EventTransport,
  registry: HandlerRegistry,
  retry: RetryPolicy,
  concurrency = 1,
): Promise<Subscription> {
  assertSubscribed(registry, SUBSCRIBED_PATTERNS);
  return transport.subscribe(CONSUMER_NAME, SUBSCRIBED_PATTERNS, createDispatcher(registry), {
    retry,
    prefetch: PREFETCH,
    concurrency,
  });
}
