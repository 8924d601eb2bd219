import { randomUUID } from 'node:crypto';
import type { AppError } from '@slotwise/platform/errors';
import { createLogger } from '@slotwise/platform/logger';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MemoryCounterStore,
  RateLimiter,
  RedisCounterStore,
  type CounterStore,
} from '../src/limits/rate-limiter.js';

const logger = createLogger({ service: 'gateway', level: 'silent' });

async function refusals(store: CounterStore, max: number, attempts: number): Promise<AppError[]> {
  const limiter = new RateLimiter(store, logger);
  const rule = { name: `test-${randomUUID()}`, max, windowMs: 60_000 };
  const results = await Promise.allSettled(
    Array.from({ length: attempts }, () => limiter.check(rule, 'client-1')),
  );
  return results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => r.reason as AppError);
}

describe('rate limiter', () => {
  it('refuses past the maximum with RATE_LIMITED and a Retry-After (memory)', async () => {
    const store = new MemoryCounterStore();
    const refused = await refusals(store, 5, 8);
    expect(refused).toHaveLength(3);
    expect(refused[0]).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(refused[0]!.retryAfter).toBeGreaterThanOrEqual(59);
    await store.close();
  });

  describe.runIf(process.env.REDIS_URL)('with Redis', () => {
    const redis = new Redis(process.env.REDIS_URL ?? '', { lazyConnect: true });
    afterAll(async () => {
      redis.disconnect();
    });

    it('counts exactly under concurrency, shared by every gateway instance', async () => {
      const store = new RedisCounterStore(redis, `slotwise-test:${randomUUID()}:`);
      const refused = await refusals(store, 20, 50);
      expect(refused).toHaveLength(30);
    });

    it('lets requests through when Redis is unreachable', async () => {
      const broken = new Redis('redis://127.0.0.1:1', {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        enableOfflineQueue: false,
      });
      const store = new RedisCounterStore(broken);
      expect(await refusals(store, 1, 3)).toHaveLength(0);
      broken.disconnect();
    });
  });
});
