import {
  backoffDelay,
  CircuitBreaker,
  isIdempotentMethod,
  type BreakerState,
} from '@slotwise/platform/client';
import { describe, expect, it } from 'vitest';

function breakerWithClock(options: ConstructorParameters<typeof CircuitBreaker>[0] = {}): {
  breaker: CircuitBreaker;
  clock: { now: number };
  changes: string[];
} {
  const clock = { now: 1_000_000 };
  const changes: string[] = [];
  const breaker = new CircuitBreaker({
    failureThreshold: 3,
    coolDownMs: 10_000,
    ...options,
    now: () => clock.now,
    onStateChange: (from: BreakerState, to: BreakerState) => changes.push(`${from}->${to}`),
  });
  return { breaker, clock, changes };
}

function fail(breaker: CircuitBreaker, times: number): void {
  for (let i = 0; i < times; i += 1) {
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onFailure();
  }
}

describe('CircuitBreaker', () => {
  it('stays closed below the consecutive-failure threshold and a success resets the streak', () => {
    const { breaker } = breakerWithClock();
    fail(breaker, 2);
    breaker.onSuccess();
    fail(breaker, 2);
    expect(breaker.state).toBe('CLOSED');
  });

  it('opens after N consecutive failures and then refuses calls', () => {
    const { breaker, changes } = breakerWithClock();
    fail(breaker, 3);
    expect(breaker.state).toBe('OPEN');
    expect(breaker.tryAcquire()).toBe(false);
    expect(changes).toEqual(['CLOSED->OPEN']);
  });

  it('opens on the failure rate over the window even without a long streak', () => {
    const { breaker } = breakerWithClock({
      failureThreshold: 100,
      windowSize: 10,
      minimumCalls: 10,
      failureRateThreshold: 0.5,
    });
    for (let i = 0; i < 9; i += 1) {
      expect(breaker.tryAcquire()).toBe(true);
      if (i % 2 === 0) breaker.onSuccess();
      else breaker.onFailure();
    }
    expect(breaker.state).toBe('CLOSED'); // 4 of 9: below minimumCalls anyway
    fail(breaker, 1);
    expect(breaker.state).toBe('OPEN'); // 5 of 10
  });

  it('half-opens after the cool-down and lets only the allowed number of trial calls through', () => {
    const { breaker, clock } = breakerWithClock({ halfOpenMaxCalls: 1 });
    fail(breaker, 3);
    clock.now += 9_999;
    expect(breaker.state).toBe('OPEN');
    expect(breaker.retryAfterSeconds()).toBe(1);
    clock.now += 1;
    expect(breaker.state).toBe('HALF_OPEN');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('closes when a trial call succeeds', () => {
    const { breaker, clock, changes } = breakerWithClock();
    fail(breaker, 3);
    clock.now += 10_000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onSuccess();
    expect(breaker.state).toBe('CLOSED');
    expect(changes).toEqual(['CLOSED->OPEN', 'OPEN->HALF_OPEN', 'HALF_OPEN->CLOSED']);
    // The old streak is forgotten: it takes a full new streak to open again.
    fail(breaker, 2);
    expect(breaker.state).toBe('CLOSED');
  });

  it('reopens for a whole new cool-down when a trial call fails', () => {
    const { breaker, clock } = breakerWithClock();
    fail(breaker, 3);
    clock.now += 10_000;
    fail(breaker, 1);
    expect(breaker.state).toBe('OPEN');
    expect(breaker.retryAfterSeconds()).toBe(10);
    clock.now += 10_000;
    expect(breaker.state).toBe('HALF_OPEN');
  });

  it('ignores the late outcome of a call that started before the circuit opened', () => {
    const { breaker } = breakerWithClock();
    expect(breaker.tryAcquire()).toBe(true); // the slow call
    fail(breaker, 3);
    breaker.onSuccess();
    expect(breaker.state).toBe('OPEN');
  });
});

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, with the jitter spanning the whole range', () => {
    const options = { baseMs: 50, maxMs: 300 };
    expect(backoffDelay(0, options, () => 0)).toBe(0);
    expect(backoffDelay(0, options, () => 0.999)).toBe(49);
    expect(backoffDelay(2, options, () => 0.999)).toBe(199);
    expect(backoffDelay(10, options, () => 0.999)).toBe(299);
  });
});

describe('isIdempotentMethod', () => {
  it.each(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'get'])('treats %s as idempotent', (m) => {
    expect(isIdempotentMethod(m)).toBe(true);
  });
  it.each(['POST', 'PATCH'])('treats %s as not idempotent', (method) => {
    expect(isIdempotentMethod(method)).toBe(false);
  });
});
