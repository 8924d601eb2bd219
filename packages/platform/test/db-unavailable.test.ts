import { databaseCheck, createPool, withDatabase } from '@slotwise/platform/db';
import { isDependencyUnavailable } from '@slotwise/platform/errors';
import { createHttpApp, type HttpApp } from '@slotwise/platform/http';
import { createLogger } from '@slotwise/platform/logger';
import {
  adminDatabaseUrl,
  createTestDatabase,
  startTcpProxy,
  waitFor,
  type TcpProxy,
  type TestDatabase,
} from '@slotwise/testkit';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

/**
 * A database that is saturated, slow, restarting or gone is a 503 with Retry-After, through the
 * one mapping every service's error handler uses, never a 500. Each case drives the real
 * condition against a real PostgreSQL; the Prisma forms of the same failures are covered in the
 * services' tests (business, resource) and below as the shapes Prisma reports.
 */
describe('a database that cannot serve is a 503, never a 500', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let pool: pg.Pool;
  let app: HttpApp;
  let statement = 'SELECT 1';

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'platform_unavailable' });
    const url = new URL(db.url);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    pool = createPool({
      connectionString: proxy.rewrite(db.url),
      max: 1,
      statementTimeoutMs: 200,
      connectionTimeoutMs: 300,
      applicationName: 'unavailable-test',
    });
    app = await createHttpApp({
      service: 'demo',
      logger: createLogger({ service: 'demo', level: 'silent' }),
      readinessChecks: { database: databaseCheck(pool) },
    });
    app.get('/rows', async () => {
      const { rows } = await pool.query(statement);
      return { data: rows };
    });
    await app.ready();
  });
  afterEach(() => {
    statement = 'SELECT 1';
    proxy.restore();
  });
  afterAll(async () => {
    await app.close();
    await pool.end();
    await proxy.close();
    await db.drop();
  });

  const expect503 = async () => {
    const response = await app.inject({ method: 'GET', url: '/rows' });
    expect(response.statusCode, response.body).toBe(503);
    expect(response.headers['retry-after']).toBe('2');
    expect(response.json()).toMatchObject({
      error: { code: 'SERVICE_UNAVAILABLE', details: { dependency: 'database' } },
    });
    // No internals: no SQL, no host, no driver message.
    expect(response.body).not.toMatch(/127\.0\.0\.1|timeout exceeded|SELECT|statement/i);
  };

  it('the pool has no connection to give within its checkout timeout (a pool of 1 held busy)', async () => {
    const held = await pool.connect();
    try {
      await expect503();
    } finally {
      held.release();
    }
    expect((await app.inject({ method: 'GET', url: '/rows' })).statusCode).toBe(200);
  });

  it('a statement runs past the statement timeout', async () => {
    statement = 'SELECT pg_sleep(2)';
    await expect503();
    expect(await pool.query('SELECT 1')).toMatchObject({ rowCount: 1 });
  });

  it('the database is unreachable: 503, readiness false, and both recover by themselves', async () => {
    proxy.cut();
    await expect503();
    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ checks: { database: { status: 'down' } } });

    proxy.restore();
    await waitFor(async () => {
      expect((await app.inject({ method: 'GET', url: '/rows' })).statusCode).toBe(200);
    });
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  });

  it('the server ends the connection mid-statement (a restart, an administrator)', async () => {
    statement = 'SELECT pg_sleep(1.5)';
    const pending = app.inject({ method: 'GET', url: '/rows' });
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      await waitFor(async () => {
        const { rowCount } = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = 'unavailable-test' AND query LIKE 'SELECT pg_sleep%'`,
        );
        expect(rowCount).toBe(1);
      });
    } finally {
      await admin.end();
    }
    const response = await pending;
    expect(response.statusCode, response.body).toBe(503);
  });

  it('the server has no connection left for us (too many connections)', async () => {
    const role = `swt_noconn_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'starved' CONNECTION LIMIT 0`);
    const limited = new URL(withDatabase(adminDatabaseUrl(), db.name));
    limited.username = role;
    limited.password = 'starved';
    const starved = new pg.Pool({ connectionString: limited.toString(), max: 1 });
    try {
      const error = await starved.query('SELECT 1').then(
        () => null,
        (e: unknown) => e,
      );
      expect((error as { code?: string }).code).toBe('53300');
      expect(isDependencyUnavailable(error)).toBe(true);
    } finally {
      await starved.end();
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  });
});

describe('isDependencyUnavailable', () => {
  it('recognises the forms Prisma 7 gives the same failures over the pg adapter', () => {
    const adapter = (cause: object) => ({ code: 'P2010', meta: { driverAdapterError: { cause } } });
    expect(isDependencyUnavailable({ code: 'P1001', meta: {} })).toBe(true);
    expect(isDependencyUnavailable(adapter({ kind: 'DatabaseNotReachable' }))).toBe(true);
    expect(isDependencyUnavailable(adapter({ kind: 'postgres', originalCode: '57014' }))).toBe(
      true,
    );
    expect(isDependencyUnavailable(adapter({ kind: 'postgres', originalCode: '57P01' }))).toBe(
      true,
    );
    expect(isDependencyUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(
      true,
    );
    expect(isDependencyUnavailable(new Error('wrapped', { cause: { code: 'ECONNRESET' } }))).toBe(
      true,
    );
  });

  it('leaves the request’s own faults and our bugs alone', () => {
    expect(isDependencyUnavailable(new Error('boom'))).toBe(false);
    expect(isDependencyUnavailable({ code: '23505' })).toBe(false);
    expect(isDependencyUnavailable({ code: '22P02', message: 'invalid input syntax' })).toBe(false);
    expect(isDependencyUnavailable(undefined)).toBe(false);
    const cyclic: { cause?: unknown } = {};
    cyclic.cause = cyclic;
    expect(isDependencyUnavailable(cyclic)).toBe(false);
  });
});
