export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. Default 5. */
  failureThreshold?: number;
  /** Failure share (0..1) over the last `windowSize` calls that opens the circuit. Default 0.5. */
  failureRateThreshold?: number;
  /** How many recent outcomes the failure rate is computed over. Default 20. */
  windowSize?: number;
  /** The rate rule applies only once the window holds this many outcomes. Default 10. */
  minimumCalls?: number;
  /** How long an open circuit fails fast before letting trial calls through. Default 5000 ms. */
  coolDownMs?: number;
  /** Trial calls allowed in flight while half-open. Default 1. */
  halfOpenMaxCalls?: number;
  /** Milliseconds clock; injectable so tests do not sleep through cool-downs. */
  now?: () => number;
  onStateChange?: (from: BreakerState, to: BreakerState) => void;
}

/**
 * A circuit breaker for one upstream. Every `tryAcquire()` that returns true must be followed by
 * exactly one `onSuccess()` or `onFailure()`, which is how half-open trial slots are given back.
 *
 * Two opening rules, because each misses a case the other catches: consecutive failures react fast
 * to a dependency that is plainly down; the rate over a window catches one that fails every other
 * call, which never produces a long streak.
 */
export class CircuitBreaker {
  private readonly failureThreshold: number;
  private readonly failureRateThreshold: number;
  private readonly windowSize: number;
  private readonly minimumCalls: number;
  private readonly coolDownMs: number;
  private readonly halfOpenMaxCalls: number;
  private readonly now: () => number;
  private readonly onStateChange: ((from: BreakerState, to: BreakerState) => void) | undefined;

  private current: BreakerState = 'CLOSED';
  private consecutiveFailures = 0;
  /** Ring buffer of recent outcomes, true = failure. */
  private outcomes: boolean[] = [];
  private openedAt = 0;
  private trialsInFlight = 0;

  constructor(options: CircuitBreakerOptions = {}) {
    this.failureThreshold = options.failureThreshold ?? 5;
    this.failureRateThreshold = options.failureRateThreshold ?? 0.5;
    this.windowSize = options.windowSize ?? 20;
    this.minimumCalls = Math.min(options.minimumCalls ?? 10, this.windowSize);
    this.coolDownMs = options.coolDownMs ?? 5_000;
    this.halfOpenMaxCalls = options.halfOpenMaxCalls ?? 1;
    this.now = options.now ?? Date.now;
    this.onStateChange = options.onStateChange;
  }

  /** The state as of now: an open circuit whose cool-down has passed reads as half-open. */
  get state(): BreakerState {
    if (this.current === 'OPEN' && this.now() - this.openedAt >= this.coolDownMs) {
      this.transition('HALF_OPEN');
    }
    return this.current;
  }

  /** Whether a call may go to the upstream now. */
  tryAcquire(): boolean {
    switch (this.state) {
      case 'CLOSED':
        return true;
      case 'OPEN':
        return false;
      case 'HALF_OPEN':
        if (this.trialsInFlight >= this.halfOpenMaxCalls) return false;
        this.trialsInFlight += 1;
        return true;
    }
  }

  onSuccess(): void {
    if (this.current === 'HALF_OPEN') {
      this.trialsInFlight = Math.max(0, this.trialsInFlight - 1);
      this.transition('CLOSED');
      return;
    }
    // A call that started before the circuit opened may finish after: it changes nothing.
    if (this.current === 'OPEN') return;
    this.consecutiveFailures = 0;
    this.record(false);
  }

  onFailure(): void {
    if (this.current === 'HALF_OPEN') {
      this.trialsInFlight = Math.max(0, this.trialsInFlight - 1);
      this.transition('OPEN');
      return;
    }
    if (this.current === 'OPEN') return;
    this.consecutiveFailures += 1;
    this.record(true);
    if (this.consecutiveFailures >= this.failureThreshold || this.failureRateExceeded()) {
      this.transition('OPEN');
    }
  }

  /** Whole seconds until trial calls are let through again (at least 1), for `Retry-After`. */
  retryAfterSeconds(): number {
    const remaining = this.openedAt + this.coolDownMs - this.now();
    return Math.max(1, Math.ceil(remaining / 1000));
  }

  private record(failed: boolean): void {
    this.outcomes.push(failed);
    if (this.outcomes.length > this.windowSize) this.outcomes.shift();
  }

  private failureRateExceeded(): boolean {
    if (this.outcomes.length < this.minimumCalls) return false;
    const failures = this.outcomes.filter(Boolean).length;
    return failures / this.outcomes.length >= this.failureRateThreshold;
  }

  private transition(to: BreakerState): void {
    const from = this.current;
    if (from === to) return;
    this.current = to;
    if (to === 'OPEN') this.openedAt = this.now();
    if (to === 'CLOSED' || to === 'OPEN') {
      // A fresh start each time: old outcomes describe an upstream that has since changed.
      this.consecutiveFailures = 0;
      this.outcomes = [];
      this.trialsInFlight = 0;
    }
    this.onStateChange?.(from, to);
  }
}
