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
  return pool;
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
