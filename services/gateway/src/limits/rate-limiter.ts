import { CommonErrors } from '@slotwise/platform/errors';
import type { Logger } from '@slotwise/platform/logger';
import type { Redis } from 'ioredis';

export interface Hit {
  count: number;
  resetInMs: number;
}

/** Fixed-window counters: shared in Redis when there is one, in process memory otherwise. */
export interface CounterStore {
  hit(key: string, windowMs: number): Promise<Hit>;
  close(): Promise<void>;
}

export class MemoryCounterStore implements CounterStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(sweepEveryMs = 60_000) {
    this.sweeper = setInterval(() => this.sweep(), sweepEveryMs);
    this.sweeper.unref();
  }

  hit(key: string, windowMs: number): Promise<Hit> {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return Promise.resolve({ count: window.count, resetInMs: window.resetAt - now });
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }

  close(): Promise<void> {
    clearInterval(this.sweeper);
    return Promise.resolve();
  }
}

// INCR and the first PEXPIRE in one round trip, atomically, so a crash between them cannot leave
// a counter that never expires.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }`;

export class RedisCounterStore implements CounterStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'slotwise:rl:',
  ) {}

  async hit(key: string, windowMs: number): Promise<Hit> {
    const [count, ttl] = (await this.redis.eval(HIT_SCRIPT, 1, this.prefix + key, windowMs)) as [
      number,
      number,
    ];
    return { count, resetInMs: ttl > 0 ? ttl : windowMs };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}

export interface LimitRule {
  name: string;
  max: number;
  windowMs: number;
}

/**
 * Counts a hit against a rule and refuses past its maximum with 429 RATE_LIMITED and Retry-After.
 * A counter store that fails (Redis down) lets the request through: losing rate limiting for a
 * moment is better than refusing every request.
 */
export class RateLimiter {
  constructor(
    private readonly store: CounterStore,
    private readonly logger: Logger,
  ) {}

  async check(rule: LimitRule, key: string): Promise<void> {
    let hit: Hit;
    try {
      hit = await this.store.hit(`${rule.name}:${key}`, rule.windowMs);
    } catch (error) {
      this.logger.warn(
        { err: error, rule: rule.name },
        'rate-limit store unavailable; not limiting',
      );
      return;
    }
    if (hit.count > rule.max) {
      throw CommonErrors.create('RATE_LIMITED', 'Too many requests; try again later', {
        retryAfter: Math.max(1, Math.ceil(hit.resetInMs / 1000)),
        details: { limit: rule.name },
      });
    }
  }
}
