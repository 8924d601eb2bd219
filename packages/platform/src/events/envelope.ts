import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * What travels on the wire for every domain event, whatever the transport.
 *
 * `version` is the **aggregate's version** after the change the event records: 1 for the event
 * that creates the aggregate, then strictly increasing per `aggregateId`. Delivery is at least
 * once and retries can reorder events, so a consumer that keeps a projection compares versions and
 * ignores an event that is not newer than what it holds. Payload schemas evolve additively; a
 * breaking change gets a new `type` (`booking.confirmed.v2`) instead of a schema version field.
 */
export const eventEnvelopeSchema = z.object({
  id: z.uuid(),
  /** `<aggregate>.<past-tense verb>`, e.g. `user.registered`; it is also the routing key. */
  type: z
    .string()
    .min(3)
    .max(200)
    .regex(/^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/, 'dot-separated lowercase words'),
  occurredAt: z.iso.datetime({ offset: true }),
  aggregateId: z.string().min(1).max(200),
  version: z.int().min(0),
  data: z.record(z.string(), z.unknown()),
  /** The HTTP request that caused the event, so consumers' logs can be joined to it. */
  requestId: z.string().max(200).optional(),
});

export interface EventEnvelope<TData extends object = Record<string, unknown>> {
  id: string;
  type: string;
  occurredAt: string;
  aggregateId: string;
  version: number;
  data: TData;
  requestId?: string;
}

export interface NewEvent<TData extends object = Record<string, unknown>> {
  type: string;
  aggregateId: string;
  version: number;
  data: TData;
  requestId?: string;
  /** Defaults to a random UUID; pass one to make a retried command emit the same event. */
  id?: string;
  /** Defaults to now. */
  occurredAt?: Date | string;
}

/** Fills in the id and the timestamp, and checks the result against the schema. */
export function createEvent<TData extends object>(input: NewEvent<TData>): EventEnvelope<TData> {
  const occurredAt =
    input.occurredAt instanceof Date
      ? input.occurredAt.toISOString()
      : (input.occurredAt ?? new Date().toISOString());
  const event: EventEnvelope<TData> = {
    id: input.id ?? randomUUID(),
    type: input.type,
    occurredAt,
    aggregateId: input.aggregateId,
    version: input.version,
    data: input.data,
    ...(input.requestId === undefined ? {} : { requestId: input.requestId }),
  };
  eventEnvelopeSchema.parse(event);
  return event;
}

/** Parses what a transport received; throws a ZodError for anything that is not an envelope. */
export function parseEventEnvelope(value: unknown): EventEnvelope {
  return eventEnvelopeSchema.parse(value);
}

/**
 * The fields that may appear in logs. `data` never does: it can carry a one-time code or
 * personal data, and redaction by key name is only a second line of defence.
 */
export function eventLogFields(
  event: Pick<EventEnvelope, 'id' | 'type' | 'aggregateId'> & {
    requestId?: string;
  },
): Record<string, string> {
  return {
    eventId: event.id,
    eventType: event.type,
    aggregateId: event.aggregateId,
    ...(event.requestId === undefined ? {} : { requestId: event.requestId }),
  };
}
