import type { EventTransport, RetryPolicy, Subscription } from '@slotwise/platform/events';
import { assertSubscribed, createDispatcher, type HandlerRegistry } from './handler-registry.js';
import { SUBSCRIBED_PATTERNS } from './handlers/index.js';

/** The queue's name on the broker (`<prefix>.notification`); shared by every instance. */
export const CONSUMER_NAME = 'notification';

/** Binds the queue to the patterns and starts handling, one event at a time, in queue order. */
export async function subscribeNotificationConsumer(
  transport: EventTransport,
  registry: HandlerRegistry,
  retry: RetryPolicy,
): Promise<Subscription> {
  assertSubscribed(registry, SUBSCRIBED_PATTERNS);
  return transport.subscribe(CONSUMER_NAME, SUBSCRIBED_PATTERNS, createDispatcher(registry), {
    retry,
  });
}
