import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

export interface PoolConfig {
  connectionString: string;
  max: number;
  statementTimeoutMs: number;
  connectionTimeoutMs: number;
  applicationName: string;
}

/**
 * The one connection pool of a service process. Prisma runs on it through the pg adapter, and the
 * outbox relay, health checks and migrations use it directly.
 */
export function createPool(config: PoolConfig): pg.Pool {
  const pool = new pg.Pool({
    connectionString: config.connectionString,
    max: config.max,
    connectionTimeoutMillis: config.connectionTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: config.statementTimeoutMs || undefined,
    application_name: config.applicationName,
  });
  // An idle client losing its connection (database restart) must not crash the process; the pool
  // replaces it on the next checkout.
  pool.on('error', () => undefined);
  keepConnectionsOnRefusedStatements(pool);
  return pool;
}

/**
 * pg-pool's `query()` closes the connection after *any* failed query, even when the server only
 * refused the statement (a unique or exclusion violation: a 409) and the connection is as good as
 * before. Every refusal then cost a new connection — TCP, authentication, and each prepared
 * statement parsed again: 499 refusals of one hot slot took 17 ms each, one after another. Here a
 * statement error releases the connection for reuse when the server left it idle outside any
 * transaction; anything else (a lost connection, a client-side error, an aborted transaction)
 * still discards it. Prisma runs its queries through this method too.
 */
function keepConnectionsOnRefusedStatements(pool: pg.Pool): void {
  const original = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const promiseQuery = async (config: unknown, values?: unknown): Promise<unknown> => {
    const client = await pool.connect();
    // A connection lost mid-query is emitted as 'error' on the client as well as failing the
    // query: the query's rejection is what reports it.
    const ignore = (): void => undefined;
    client.on('error', ignore);
    try {
      const result = await client.query(config as pg.QueryConfig, values as unknown[]);
      client.release();
      return result;
    } catch (error) {
      client.release(stillUsable(client, error) ? undefined : (error as Error));
      throw error;
    } finally {
      client.removeListener('error', ignore);
    }
  };
  // The callback forms keep pg-pool's own behaviour.
  pool.query = ((...args: unknown[]) =>
    typeof args.at(-1) === 'function'
      ? original(...args)
      : promiseQuery(args[0], args[1])) as unknown as typeof pool.query;
}

function stillUsable(client: pg.PoolClient, error: unknown): boolean {
  const { severity } = error as { severity?: unknown };
  const status = (
    client as { getTransactionStatus?: () => string | null }
  ).getTransactionStatus?.();
  return error instanceof pg.DatabaseError && severity === 'ERROR' && status === 'I';
}

export function createPrismaAdapter(pool: pg.Pool): PrismaPg {
  return new PrismaPg(pool);
}

/** A readiness check for `/health/ready`. */
export function databaseCheck(pool: pg.Pool): () => Promise<void> {
  return async () => {
    await pool.query('SELECT 1');
  };
}
