import type { z } from 'zod';
import type { Logger } from '../logger/index.js';
import type { EventEnvelope } from './envelope.js';
import type pg from 'pg';
import { handleOnce, type InboxResult, type PrismaTransactionRunner } from './inbox.js';
import { startInboxRetention, type InboxRetention } from './inbox-retention.js';
import type { RawSqlExecutor } from './sql-executor.js';
import {
  assertConsumerName,
  UnprocessableEventError,
  type EventHandler,
  type EventHandlerContext,
  type EventTransport,
  type RetryPolicy,
  type Subscription,
} from './transport.js';

/** What a handler gets besides the event: the attempt, a logger bound to the event, the inbox tx. */
export interface ConsumerContext<Tx = undefined> extends EventHandlerContext {
  /**
   * The transaction holding the event's inbox row, for a consumer defined with `inbox`: write
   * the effect through it and both commit together. `undefined` without `inbox`.
   */
  tx: Tx;
}

/** One event type a consumer handles: the contract schema of its data, and what to do with it. */
export interface ConsumedEvent<
  Schema extends z.ZodType<object> = z.ZodType<object>,
  Tx = undefined,
> {
  schema: Schema;
  /**
   * `data` is `event.data` parsed by `schema` (defaults filled in). Throw to have the event
   * retried and, after the last attempt, dead-lettered.
   */
  handle(
    data: z.output<Schema>,
    event: EventEnvelope<z.output<Schema>>,
    context: ConsumerContext<Tx>,
  ): Promise<void>;
}

/** Types a handler's `data` from its schema when the entry is written apart from `defineConsumer`. */
export function on<Schema extends z.ZodType<object>, Tx = undefined>(
  schema: Schema,
  handle: ConsumedEvent<Schema, Tx>['handle'],
): ConsumedEvent<Schema, Tx> {
  return { schema, handle };
}

/** The data schema of each event type a consumer handles. */
export type EventSchemas = Record<string, z.ZodType<object>>;

/**
 * A repository store that runs work in one transaction with the event's inbox row (`handleOnce`
 * underneath), handing it the store's repositories bound to that transaction.
 */
export interface InboxStore<Tx> {
  onceForEvent<R>(
    event: Pick<EventEnvelope, 'id' | 'type'>,
    work: (tx: Tx) => Promise<R>,
  ): Promise<InboxResult<R>>;
}

/** Where a consumer's inbox is: the service's repository store, Prisma client or pg pool. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any store, whatever it hands out
export type InboxDb = InboxStore<any> | PrismaTransactionRunner<RawSqlExecutor> | pg.Pool;

/** The transaction a handler gets as `context.tx` with `inbox: db` (`undefined` without one). */
export type InboxTx<Db> = Db extends pg.Pool
  ? pg.PoolClient
  : Db extends InboxStore<infer Tx>
    ? Tx
    : Db extends PrismaTransactionRunner<infer Tx>
      ? Tx
      : undefined;

export interface ConsumerDefinition<Schemas extends EventSchemas, Db extends InboxDb | undefined> {
  /** The consuming service's name: its queue on the broker, shared by all its instances. */
  name: string;
  /**
   * One entry per event type (`[EventTypes.x]` from contracts); the queue is bound to exactly
   * these. Each handler's `data` is typed by its entry's schema.
   */
  events: { readonly [T in keyof Schemas]: ConsumedEvent<Schemas[T], InboxTx<Db>> };
  /**
   * Exactly-once effects through the inbox: with the service's repository store (`onceForEvent`),
   * Prisma client or pool here, each handler runs inside `handleOnce` and writes through
   * `context.tx` (the store's repositories, Prisma's transaction client, a pool client), so its
   * effect and the event's inbox row commit together, and a redelivered event is acknowledged
   * without running it. Without it, a handler makes its effect idempotent itself: its repository's own
   * `handleOnce` (resource's read model, which must also act on a repeat), or a record keyed by
   * the event id (notification's mail log: an SMTP send cannot join a transaction).
   */
  inbox?: Db;
  retry?: Partial<RetryPolicy>;
  /** Events handled at once, one aggregate's always in order (see `SubscribeOptions`). */
  concurrency?: number;
  prefetch?: number;
  /** Old inbox rows are deleted on a jittered schedule (default: after 14 days, about hourly). */
  inboxRetention?: { days?: number; everyMs?: number };
}

export interface ConsumerRuntime {
  transport: EventTransport;
  /** The service's database, whose inbox the retention prunes. */
  db: RawSqlExecutor | pg.Pool;
  logger: Logger;
}

export interface RunningConsumer {
  readonly subscription: Subscription;
  readonly retention: InboxRetention;
  /** Finishes the event in hand, then stops the retention. */
  close(): Promise<void>;
}

export interface Consumer {
  readonly name: string;
  readonly eventTypes: readonly string[];
  /** Parses, dispatches and applies the inbox: what the transport calls (and unit tests may). */
  readonly handle: EventHandler;
  /** Subscribes (creating the queue and its bindings) and schedules the inbox retention. */
  start(runtime: ConsumerRuntime): Promise<RunningConsumer>;
}

/**
 * The one way to consume events: the event types a service handles, each with the zod schema of
 * its data and a handler. Data that breaks its schema is a publisher's bug: dead-lettered at once
 * (`UnprocessableEventError`), never retried. A type delivered without an entry (a binding left
 * from an older version) is acknowledged and ignored.
 */
export function defineConsumer<
  Schemas extends EventSchemas,
  Db extends InboxDb | undefined = undefined,
>(definition: ConsumerDefinition<Schemas, Db>): Consumer {
  type Entry = ConsumedEvent<z.ZodType<object>, unknown>;
  assertConsumerName(definition.name);
  const entries = new Map(Object.entries(definition.events as Record<string, Entry>));
  if (entries.size === 0) throw new Error(`Consumer ${definition.name} handles no event type`);
  const { inbox } = definition;

  const handle: EventHandler = async (event, context) => {
    const entry = entries.get(event.type);
    if (!entry) {
      context.logger.debug('No handler for this event type; acknowledged');
      return;
    }
    const parsed = entry.schema.safeParse(event.data);
    if (!parsed.success) {
      // The fields only: the data itself can hold a one-time code or personal data.
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
      throw new UnprocessableEventError(`Invalid ${event.type} data: ${fields.join(', ')}`);
    }
    const typed = { ...event, data: parsed.data };
    const run = (tx: unknown): Promise<void> =>
      entry.handle(parsed.data, typed, { ...context, tx });
    if (inbox === undefined) {
      await run(undefined);
      return;
    }
    const outcome =
      'onceForEvent' in inbox
        ? await inbox.onceForEvent(event, run)
        : '$transaction' in inbox
          ? await handleOnce(inbox, event, run)
          : await handleOnce(inbox, event, run);
    if (!outcome.processed) context.logger.debug('Event already handled; acknowledged');
  };

  return {
    name: definition.name,
    eventTypes: [...entries.keys()],
    handle,
    start: async ({ transport, db, logger }): Promise<RunningConsumer> => {
      const subscription = await transport.subscribe(definition.name, [...entries.keys()], handle, {
        ...(definition.retry ? { retry: definition.retry } : {}),
        ...(definition.concurrency ? { concurrency: definition.concurrency } : {}),
        ...(definition.prefetch ? { prefetch: definition.prefetch } : {}),
      });
      const retention = startInboxRetention({
        db,
        logger: logger.child({ consumer: definition.name }),
        ...definition.inboxRetention,
      });
      return {
        subscription,
        retention,
        close: async () => {
          await subscription.close();
          await retention.stop();
        },
      };
    },
  };
}
