import { eventEnvelopeSchema, type EventEnvelope } from './envelope.js';
import { executeSql, type SqlExecutor } from './sql-executor.js';

export interface SqlStatement {
  text: string;
  values: unknown[];
}

export interface OutboxInsertOptions {
  /** Number of the first placeholder (`$n`), so the INSERT can be folded into a larger statement. */
  firstParam?: number;
  /**
   * An SQL condition the events are written under, e.g. `EXISTS (SELECT 1 FROM u)` where `u` is
   * the statement's own data-modifying CTE: an UPDATE that matched no row then writes no event.
   */
  onlyIf?: string;
}

const COLUMNS_PER_EVENT = 6;
/** PostgreSQL's limit on bind parameters in one statement. */
const MAX_PARAMS = 65_535;

/**
 * The INSERT of `events` into the outbox as SQL text and parameters. A hot path can embed it as a
 * data-modifying CTE next to its own write and send one statement instead of two:
 *
 *   const outbox = buildOutboxInsert([event], { firstParam: 3, onlyIf: 'EXISTS (SELECT 1 FROM u)' });
 *   pool.query(`WITH u AS (UPDATE booking SET status = $2 WHERE id = $1 RETURNING id),
 *     o AS (${outbox.text}) SELECT count(*) FROM u`, [id, status, ...outbox.values]);
 *
 * Rows get their `seq` in array order, which is the order the relay publishes them in.
 */
export function buildOutboxInsert(
  events: readonly EventEnvelope<object>[],
  options: OutboxInsertOptions = {},
): SqlStatement {
  if (events.length === 0) throw new Error('buildOutboxInsert needs at least one event');
  const first = options.firstParam ?? 1;
  if (first + events.length * COLUMNS_PER_EVENT - 1 > MAX_PARAMS) {
    throw new Error(`Too many events for one statement (${events.length}); split the batch`);
  }
  const rows: string[] = [];
  const values: unknown[] = [];
  events.forEach((event, index) => {
    // A malformed event would be published to every consumer and fail there, far from its cause.
    eventEnvelopeSchema.parse(event);
    const p = first + index * COLUMNS_PER_EVENT;
    rows.push(
      `($${p}::uuid, $${p + 1}, $${p + 2}, $${p + 3}::int, $${p + 4}::jsonb, $${p + 5}::timestamptz)`,
    );
    values.push(
      event.id,
      event.aggregateId,
      event.type,
      event.version,
      JSON.stringify(event),
      event.occurredAt,
    );
  });
  const insert = 'INSERT INTO outbox (id, aggregate_id, type, version, payload, occurred_at)';
  const text =
    options.onlyIf === undefined
      ? `${insert} VALUES ${rows.join(', ')}`
      : `${insert} SELECT * FROM (VALUES ${rows.join(', ')}) AS e WHERE ${options.onlyIf}`;
  return { text, values };
}

/**
 * Writes events to the outbox. Pass the transaction that makes the state change they describe
 * (Prisma's `tx` inside `$transaction(async (tx) => ...)`, or a pg client between BEGIN and
 * COMMIT): the events exist exactly when the change does. Write them after the change's own
 * UPDATE, so the row lock on the aggregate orders the events of concurrent transactions.
 */
export async function writeToOutbox(
  tx: SqlExecutor,
  events: EventEnvelope<object> | readonly EventEnvelope<object>[],
): Promise<void> {
  const list = Array.isArray(events) ? events : [events as EventEnvelope<object>];
  if (list.length === 0) return;
  const statement = buildOutboxInsert(list);
  await executeSql(tx, statement.text, statement.values);
}

/**
 * The outbox as a repository: bound to a client or a transaction like a service's other
 * repositories, so a change and its events are written in the same transaction.
 */
export class OutboxRepository {
  constructor(private readonly db: SqlExecutor) {}

  async add(...events: EventEnvelope<object>[]): Promise<void> {
    await writeToOutbox(this.db, events);
  }
}
