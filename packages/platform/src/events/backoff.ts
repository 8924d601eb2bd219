/** Jittered, capped exponential backoff shared by the relay, the listeners and the consumers. */
export interface BackoffOptions {
  /** First delay, in milliseconds. */
  initialMs: number;
  /** Upper bound of any delay, in milliseconds. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 200, maxMs: 30_000 };

/**
 * "Equal jitter": half the exponential step is fixed, half random. Fully random delays can retry
 * almost at once after a long outage; fixed ones make every instance of a service hammer the
 * broker at the same instants when it comes back.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const step = Math.min(options.maxMs, options.initialMs * 2 ** exponent);
  return Math.round(step / 2 + (Math.random() * step) / 2);
}

/** A sleep that ends early when `signal` aborts; it never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * A wake-up latch: `wait(ms)` resolves after `ms` or as soon as `wake()` is called, whichever is
 * first. A wake that arrives while nobody waits is remembered, so a notification that lands
 * between two batches is never lost.
 */
export class Waker {
  private pending = false;
  private resolveWait: (() => void) | undefined;

  wake(): void {
    if (this.resolveWait) {
      const resolve = this.resolveWait;
      this.resolveWait = undefined;
      resolve();
    } else {
      this.pending = true;
    }
  }

  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.resolveWait = undefined;
        resolve();
      }, ms);
      this.resolveWait = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/**
 * Waits for `promise` to settle, but no longer than `ms`; never rejects. For close handshakes
 * that may never be answered: amqplib's `close()` of a connection or channel never settles when
 * the socket dies during the handshake.
 */
export async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    promise.catch(() => undefined),
    new Promise((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}
