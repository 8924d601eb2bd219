import type pg from 'pg';
import type { EventEnvelope } from './envelope.js';
import { executeSql, type RawSqlExecutor } from './sql-executor.js';

/** The part of a Prisma client this helper uses; a generated `PrismaClient` fits it. */
export interface PrismaTransactionRunner<Tx extends RawSqlExecutor> {
  $transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R>;
}

export type InboxResult<R> = { processed: true; result: R } | { processed: false };

const CLAIM_SQL =
  'INSERT INTO inbox (event_id, type) VALUES ($1::uuid, $2) ON CONFLICT (event_id) DO NOTHING';

/**
 * Runs a consumer's effect at most once per event id: the inbox row and the effect commit in one
 * transaction, so a redelivered event finds its row and is skipped, and an effect that throws
 * rolls its inbox row back so the retry runs it again. Two deliveries of one event racing on two
 * instances serialise on the inbox primary key; the second sees the first's row and skips.
 *
 *   await handleOnce(prisma, event, (tx) => tx.notification.create({ data: ... }));
 *   await handleOnce(pool, event, (client) => client.query('UPDATE ...'));
 */
export function handleOnce<Tx extends RawSqlExecutor, R>(
  db: PrismaTransactionRunner<Tx>,
  event: Pick<EventEnvelope, 'id' | 'type'>,
  effect: (tx: Tx) => Promise<R>,
): Promise<InboxResult<R>>;
export function handleOnce<R>(
  db: pg.Pool,
  event: Pick<EventEnvelope, 'id' | 'type'>,
  effect: (client: pg.PoolClient) => Promise<R>,
): Promise<InboxResult<R>>;
export async function handleOnce<R>(
  db: PrismaTransactionRunner<RawSqlExecutor> | pg.Pool,
  event: Pick<EventEnvelope, 'id' | 'type'>,
  effect: (tx: never) => Promise<R>,
): Promise<InboxResult<R>> {
  if ('$transaction' in db) {
    return db.$transaction(async (tx): Promise<InboxResult<R>> => {
      const claimed = await executeSql(tx, CLAIM_SQL, [event.id, event.type]);
      if (claimed === 0) return { processed: false };
      return { processed: true, result: await effect(tx as never) };
    });
  }
  return withPgTransaction(db, async (client) => {
    const claimed = await executeSql(client, CLAIM_SQL, [event.id, event.type]);
    if (claimed === 0) return { processed: false };
    return { processed: true, result: await effect(client as never) };
  });
}

async function withPgTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      // A connection that cannot even roll back must not go back into the pool.
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Deletes inbox rows older than `days` (redeliveries come within minutes, not weeks), `batchSize`
 * per statement so a long-unpruned inbox never holds one huge DELETE; the number deleted.
 * `defineConsumer` schedules it (inbox-retention.ts).
 */
export async function purgeInbox(
  db: RawSqlExecutor | pg.Pool,
  days: number,
  {
    batchSize = 10_000,
    stopped = () => false,
  }: { batchSize?: number; stopped?: () => boolean } = {},
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await executeSql(
      db,
      `DELETE FROM inbox WHERE event_id IN (
         SELECT event_id FROM inbox WHERE processed_at < now() - make_interval(days => $1::int)
          LIMIT $2::int)`,
      [days, batchSize],
    );
    total += deleted;
    if (deleted < batchSize || stopped()) return total;
  }
}
