import type pg from 'pg';
import type { EventEnvelope } from './envelope.js';

/** The relay's SQL, kept apart from its scheduling logic. */

export interface OutboxRow {
  id: string;
  seq: string;
  type: string;
  attempts: number;
  payload: EventEnvelope;
}

/**
 * The advisory lock that makes one relay per database active at a time. Taken per batch at
 * transaction level, so it is released by COMMIT, ROLLBACK or a dropped connection alike, and any
 * instance can carry on from the next batch without a failover delay.
 */
export const DEFAULT_RELAY_LOCK_KEY = 7_215_006_010n;

export async function tryRelayLock(client: pg.PoolClient, key: bigint): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>(
    'SELECT pg_try_advisory_xact_lock($1::bigint) AS locked',
    [key.toString()],
  );
  return rows[0]?.locked === true;
}

export async function readUnpublished(client: pg.PoolClient, limit: number): Promise<OutboxRow[]> {
  const { rows } = await client.query<OutboxRow>(
    `SELECT id, seq, type, attempts, payload FROM outbox
     WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
    [limit],
  );
  return rows;
}

/** Marks rows published, deleting instead those whose types must not outlive their publishing. */
export async function markPublished(
  client: pg.PoolClient,
  rows: readonly OutboxRow[],
  deleteTypes: ReadonlySet<string>,
  deleteAll = false,
): Promise<void> {
  const gone = (row: OutboxRow): boolean => deleteAll || deleteTypes.has(row.type);
  const toDelete = rows.filter(gone).map((row) => row.id);
  const toMark = rows.filter((row) => !gone(row)).map((row) => row.id);
  if (toDelete.length > 0) {
    await client.query('DELETE FROM outbox WHERE id = ANY($1::uuid[])', [toDelete]);
  }
  if (toMark.length > 0) {
    await client.query(
      'UPDATE outbox SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])',
      [toMark],
    );
  }
}

export async function recordFailure(
  client: pg.PoolClient,
  rows: readonly OutboxRow[],
  message: string,
): Promise<void> {
  await client.query(
    'UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])',
    [rows.map((row) => row.id), message.slice(0, 500)],
  );
}

export async function purgePublished(pool: pg.Pool, days: number): Promise<number> {
  const result = await pool.query(
    `DELETE FROM outbox
     WHERE published_at IS NOT NULL AND published_at < now() - make_interval(days => $1::int)`,
    [days],
  );
  return result.rowCount ?? 0;
}

export async function countUnpublished(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(
    'SELECT count(*) AS count FROM outbox WHERE published_at IS NULL',
  );
  return Number(rows[0]?.count ?? 0);
}
