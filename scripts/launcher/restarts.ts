/**
 * When to restart a process that stopped without being asked to (a service, the embedded
 * PostgreSQL): after a delay that doubles with each crash in a row, back to the first delay once
 * the process has been healthy for a while. A process that keeps crashing before it was ever
 * healthy is misconfigured: restarting it again would only loop, so the launcher gives up.
 */
export interface RestartPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  /** Healthy this long, a crash counts as the first of a new series (the shortest delay). */
  resetAfterHealthyMs: number;
  /** This many crashes within `giveUpWindowMs` before the process was ever healthy: give up. */
  giveUpAfterCrashes: number;
  giveUpWindowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  resetAfterHealthyMs: 60_000,
  giveUpAfterCrashes: 5,
  giveUpWindowMs: 60_000,
};

export type RestartDecision =
  | {
      action: 'restart';
      delayMs: number;
      /** 1 for the first restart of this process. */
      restart: number;
    }
  | { action: 'give-up'; crashes: number; windowMs: number };

export class RestartTracker {
  private inARow = 0;
  private restarts = 0;
  private everHealthy = false;
  private healthySince: number | null = null;
  private crashesBeforeHealthy: number[] = [];

  constructor(
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  get restartCount(): number {
    return this.restarts;
  }

  markHealthy(): void {
    this.everHealthy = true;
    this.healthySince ??= this.now();
  }

  /** Records an unexpected exit and says what to do about it. */
  crashed(): RestartDecision {
    const now = this.now();
    const { policy } = this;
    if (this.healthySince !== null && now - this.healthySince >= policy.resetAfterHealthyMs)
      this.inARow = 0;
    this.healthySince = null;
    if (!this.everHealthy) {
      this.crashesBeforeHealthy = this.crashesBeforeHealthy.filter(
        (at) => now - at < policy.giveUpWindowMs,
      );
      this.crashesBeforeHealthy.push(now);
      if (this.crashesBeforeHealthy.length >= policy.giveUpAfterCrashes) {
        return {
          action: 'give-up',
          crashes: this.crashesBeforeHealthy.length,
          windowMs: policy.giveUpWindowMs,
        };
      }
    }
    const delayMs = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** this.inARow);
    this.inARow += 1;
    this.restarts += 1;
    return { action: 'restart', delayMs, restart: this.restarts };
  }
}

/** "0.5 s", "1 s", "30 s". */
export function delayText(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** "SIGKILL" or "exit code 1", for "booking exited (SIGKILL)". */
export function exitText(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ?? `exit code ${code ?? '?'}`;
}

/** A wait that `cancel()` ends early, resolving to false. */
export function cancellableDelay(ms: number): { done: Promise<boolean>; cancel: () => void } {
  let cancel = () => undefined as void;
  const done = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    cancel = () => {
      clearTimeout(timer);
      resolve(false);
    };
  });
  return { done, cancel };
}
