import type { EventType } from '@slotwise/contracts';
import {
  matchesTopic,
  type EventEnvelope,
  type EventHandler,
  type EventHandlerContext,
} from '@slotwise/platform/events';
import type { z } from 'zod';
import type { NotificationDeliveryService } from '../notifications/notification-delivery.service.js';
import type { TemplateContext } from '../templates/template.js';
import type { UserReadModelService } from '../users/user-read-model.service.js';

/** Handles one event type. Throwing has the transport retry it, and dead-letter it in the end. */
export type NotificationEventHandler = (
  event: EventEnvelope,
  context: EventHandlerContext,
) => Promise<void>;

/** One entry per event type this service acts on; every other type is acknowledged and ignored. */
export type HandlerRegistry = Readonly<Partial<Record<EventType, NotificationEventHandler>>>;

/** What handlers are built from; each takes only the parts it uses. */
export interface HandlerDependencies {
  users: UserReadModelService;
  delivery: NotificationDeliveryService;
  templates: TemplateContext;
}

/**
 * A payload that does not parse is a bug on the publishing side, not a passing fault; it is still
 * thrown (not dropped) so that it ends in the dead-letter queue where it can be inspected. The
 * message names the bad fields only: the data itself can hold a one-time code.
 */
export class InvalidEventDataError extends Error {
  override readonly name = 'InvalidEventDataError';
  constructor(type: string, fields: string[]) {
    super(`Invalid ${type} data: ${fields.join(', ') || '(root)'}`);
  }
}

/** Wraps a handler with the parsing of its event's data against the shared contract schema. */
export function defineHandler<Schema extends z.ZodType<object>>(
  schema: Schema,
  handle: (event: EventEnvelope<z.output<Schema>>, context: EventHandlerContext) => Promise<void>,
): NotificationEventHandler {
  return async (event, context) => {
    const parsed = schema.safeParse(event.data);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.'));
      throw new InvalidEventDataError(event.type, fields);
    }
    await handle({ ...event, data: parsed.data }, context);
  };
}

/** The subscription's single handler: routes each event to its entry in the registry. */
export function createDispatcher(registry: HandlerRegistry): EventHandler {
  const handlers = new Map<string, NotificationEventHandler>(
    Object.entries(registry).filter(
      (entry): entry is [string, NotificationEventHandler] => entry[1] !== undefined,
    ),
  );
  return async (event, context) => {
    const handler = handlers.get(event.type);
    if (!handler) {
      context.logger.debug('No handler for this event type; acknowledged');
      return;
    }
    await handler(event, context);
  };
}

/** Fails at start when a handler's event type is not bound to the queue (it would never run). */
export function assertSubscribed(registry: HandlerRegistry, patterns: readonly string[]): void {
  const unbound = Object.keys(registry).filter(
    (type) => !patterns.some((pattern) => matchesTopic(pattern, type)),
  );
  if (unbound.length > 0) {
    throw new Error(`Handlers for ${unbound.join(', ')} match no subscribed pattern`);
  }
}
