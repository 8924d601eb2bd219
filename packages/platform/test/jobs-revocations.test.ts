import { RevocationSync, UserRevocationList, type Revocation } from '@slotwise/platform/auth';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPool, migrate } from '@slotwise/platform/db';
import { scheduleJob } from '@slotwise/platform/jobs';
import { createLogger } from '@slotwise/platform/logger';
import { createTestDatabase, type TestDatabase } from '@slotwise/testkit';
import type pg from 'pg';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const logger = createLogger({ service: 'test', level: 'silent' });

describe('scheduled jobs', () => {
  let db: TestDatabase;
  let pools: pg.Pool[];
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'jobs' });
    // The platform's tables alone (scheduled_jobs): a service without migrations of its own.
    const none = await mkdtemp(join(tmpdir(), 'slotwise-jobs-'));
    await migrate({ connectionString: db.url, migrationsDir: none });
    const pool = () =>
      createPool({
        connectionString: db.url,
        max: 3,
        statementTimeoutMs: 0,
        connectionTimeoutMs: 2_000,
        applicationName: 'jobs',
      });
    pools = [pool(), pool()];
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await db.drop();
  });

  it('runs a job in one instance at a time, even when every instance ticks at once', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const run = async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
      running -= 1;
    };
    const jobs = pools.map((pool) =>
      scheduleJob({ name: 'cleanup', everyMs: 60_000, pool, logger, run, runAtStart: false }),
    );
    const results = await Promise.all([jobs[0]!.runOnce(), jobs[1]!.runOnce(), jobs[0]!.runOnce()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(maxRunning).toBe(1);
    expect(runs).toBe(1);
    // Once the first run is over, the next tick anywhere runs it again.
    expect(await jobs[1]!.runOnce()).toBe(true);
    await Promise.all(jobs.map((job) => job.stop()));
  });

  it('runs a job once per tick, however many instances schedule it', async () => {
    const everyMs = 200;
    const metrics = new Registry();
    let runs = 0;
    const run = async () => {
      runs += 1;
    };
    // Four instances on two pools: the clock's ticks are the same for all.
    const started = Date.now();
    const jobs = [...pools, ...pools].map((pool) =>
      scheduleJob({ name: 'per-tick', everyMs, pool, logger, run, metrics }),
    );
    // A few ticks' runs, however long a busy machine takes to get there.
    await expect.poll(() => runs, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await Promise.all(jobs.map((job) => job.stop()));
    const ticks = Math.floor(Date.now() / everyMs) - Math.floor(started / everyMs) + 1;
    expect(runs).toBeLessThanOrEqual(ticks);
    const counted = (await metrics.getSingleMetricAsString('scheduled_job_runs_total')).match(
      /job="per-tick"[^\n]*? (\d+)/,
    );
    expect(Number(counted?.[1])).toBe(runs);
  });

  it('survives a failing run and keeps ticking', async () => {
    let calls = 0;
    const job = scheduleJob({
      name: 'flaky',
      everyMs: 50,
      pool: pools[0]!,
      logger,
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
      },
    });
    await expect.poll(() => calls, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await job.stop();
  });
});

describe('revocation sync', () => {
  it('feeds the revocation list, and asks again for the last minute so late commits are not missed', async () => {
    const list = new UserRevocationList();
    const asked: (string | undefined)[] = [];
    const base = Math.floor(Date.now() / 1000) * 1000;
    const iso = (offsetSec: number) => new Date(base + offsetSec * 1000).toISOString();
    const answers: Revocation[][] = [
      [{ userId: 'u1', validAfter: iso(5) }],
      // Stamped before the cursor, committed after the first poll read it.
      [{ userId: 'u2', validAfter: iso(4) }],
      [],
    ];
    const sync = new RevocationSync({
      list,
      intervalMs: 60_000,
      logger,
      fetchSince: async (since) => {
        asked.push(since);
        return answers.shift() ?? [];
      },
    });
    await sync.syncOnce();
    await sync.syncOnce();
    await sync.syncOnce();
    expect(asked).toEqual([undefined, iso(5 - 60), iso(5 - 60)]);
    const at = (offsetSec: number) => (base + offsetSec * 1000) / 1000;
    expect(list.isRevoked({ userId: 'u1', iat: at(4) })).toBe(true);
    expect(list.isRevoked({ userId: 'u1', iat: at(5) })).toBe(false);
    expect(list.isRevoked({ userId: 'u2', iat: at(3) })).toBe(true);
    expect(list.isRevoked({ userId: 'u3', iat: at(3) })).toBe(false);
  });

  it('revokes one session’s tokens, and only that session’s, when the feed names it', async () => {
    const list = new UserRevocationList();
    const now = Math.floor(Date.now() / 1000);
    const sync = new RevocationSync({
      list,
      intervalMs: 60_000,
      logger,
      fetchSince: async () => [
        { userId: 'u1', sessionId: 's1', validAfter: new Date((now + 1) * 1000).toISOString() },
      ],
    });
    await sync.syncOnce();
    expect(list.isRevoked({ userId: 'u1', sessionId: 's1', iat: now })).toBe(true);
    expect(list.isRevoked({ userId: 'u1', sessionId: 's2', iat: now })).toBe(false);
    expect(list.isRevoked({ userId: 'u1', iat: now })).toBe(false);
    // A token of the same session issued after the revocation (there is none, but the rule holds).
    expect(list.isRevoked({ userId: 'u1', sessionId: 's1', iat: now + 2 })).toBe(false);
  });

  it('keeps what it knows while the feed is down', async () => {
    const list = new UserRevocationList();
    let down = false;
    const sync = new RevocationSync({
      list,
      intervalMs: 60_000,
      logger,
      fetchSince: async () => {
        if (down) throw new Error('ECONNREFUSED');
        return [{ userId: 'u1', validAfter: new Date(Date.now() + 1000).toISOString() }];
      },
    });
    await sync.syncOnce();
    down = true;
    await expect(sync.syncOnce()).rejects.toThrow('ECONNREFUSED');
    expect(list.isRevoked({ userId: 'u1', iat: Math.floor(Date.now() / 1000) })).toBe(true);
  });
});
