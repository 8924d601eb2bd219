import { createPool } from '@slotwise/platform/db';
import { createTestDatabase, type TestDatabase } from '@slotwise/testkit';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('the service pool keeps a connection the server only refused a statement on', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'platform_pool' });
    pool = createPool({
      connectionString: db.url,
      max: 1,
      statementTimeoutMs: 5_000,
      connectionTimeoutMs: 2_000,
      applicationName: 'pool-test',
    });
    await pool.query('CREATE TABLE things (id int PRIMARY KEY)');
    await pool.query('INSERT INTO things VALUES (1)');
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const backend = async () =>
    (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;

  it('a unique violation (a 409) leaves the connection in the pool: same backend after it', async () => {
    const before = await backend();
    await expect(pool.query('INSERT INTO things VALUES (1)')).rejects.toMatchObject({
      code: '23505',
    });
    await expect(
      pool.query({ name: 'bad-cast', text: 'SELECT $1::int', values: ['x'] }),
    ).rejects.toMatchObject({
      code: '22P02',
    });
    expect(await backend()).toBe(before);
    expect(pool.totalCount).toBe(1);
  });

  it('a connection the server ended is discarded, and the next query gets a new one', async () => {
    const before = await backend();
    await expect(pool.query('SELECT pg_terminate_backend(pg_backend_pid())')).rejects.toBeDefined();
    const after = await backend();
    expect(after).not.toBe(before);
  });

  it('keeps the callback form working', async () => {
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      pool.query('SELECT 1 AS one', (error: Error | undefined, result: pg.QueryResult) =>
        error ? reject(error) : resolve(result.rows),
      );
    });
    expect(rows).toEqual([{ one: 1 }]);
  });
});
