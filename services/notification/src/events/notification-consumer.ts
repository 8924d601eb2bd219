import type { EventTransport, RetryPolicy, Subscription } from '@slotwise/platform/events';
import { assertSubscribed, createDispatcher, type HandlerRegistry } from './handler-registry.js';
import { SUBSCRIBED_PATTERNS } from './handlers/index.js';

/** The queue's name on the broker (`<prefix>.notification`); shared by every instance. */
export const CONSUMER_NAME = 'notification';

/**
 * Events of different aggregates (one booking, one user) handled at once. A mail mostly waits on
 * SMTP and the database, so one at a time left the CPU idle while a backlog drained at ~150
 * mails/s; each aggregate's events still go one after another, in order (a booking's
 * confirmation before its cancellation).
 */
export const CONCURRENCY = 8;
const PREFETCH = 32;

/** Binds the queue to the patterns and starts handling, in queue order per aggregate. */
export async function subscribeNotificationConsumer(
  transport: EventTransport,
  registry: HandlerRegistry,
  retry: RetryPolicy,
): Promise<Subscription> {
  assertSubscribed(registry, SUBSCRIBED_PATTERNS);
  return transport.subscribe(CONSUMER_NAME, SUBSCRIBED_PATTERNS, createDispatcher(registry), {
    retry,
    prefetch: PREFETCH,
    concurrency: CONCURRENCY,
  });
}
