import { setTimeout as sleep } from 'node:timers/promises';

export interface HealthTarget {
  name: string;
  url: string;
}

export class NotReadyError extends Error {
  constructor(
    readonly pending: Array<{ name: string; last: string }>,
    timeoutSeconds: number,
  ) {
    const list = pending.map((p) => `${p.name} (${p.last})`).join(', ');
    super(`not ready within ${timeoutSeconds} s (READY_TIMEOUT_SECONDS): ${list}`);
    this.name = 'NotReadyError';
  }
}

/** "ok" when GET `url` answers 200, else what it answered (or why it could not). */
export async function probe(url: string): Promise<string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status === 200
      ? 'ok'
      : `GET ${new URL(url).pathname} answered ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code === 'ECONNREFUSED' ? 'not listening yet' : (error as Error).message;
  }
}

/**
 * Polls every target until each answers 200, or throws a NotReadyError naming those that did not
 * by the deadline. Stops early, throwing the signal's reason, when the signal aborts.
 */
export interface WaitOptions {
  /** Epoch ms. */
  deadline: number;
  /** For the message: the whole allowance, of which the deadline is the end. */
  timeoutSeconds: number;
  signal: AbortSignal;
  onReady: (name: string, ms: number) => void;
}

export async function waitUntilReady(
  targets: readonly HealthTarget[],
  options: WaitOptions,
): Promise<void> {
  const { deadline, signal, onReady } = options;
  const started = Date.now();
  const last = new Map(targets.map((t) => [t.name, 'not probed yet']));
  const pending = new Set(targets.map((t) => t.name));
  while (pending.size > 0) {
    signal.throwIfAborted();
    await Promise.all(
      targets
        .filter((t) => pending.has(t.name))
        .map(async (target) => {
          const result = await probe(target.url);
          last.set(target.name, result);
          if (result === 'ok' && pending.delete(target.name))
            onReady(target.name, Date.now() - started);
        }),
    );
    if (pending.size === 0) return;
    if (Date.now() > deadline) {
      const names = [...pending].map((name) => ({ name, last: last.get(name) ?? '' }));
      throw new NotReadyError(names, options.timeoutSeconds);
    }
    await sleep(150, undefined, { signal }).catch(() => undefined);
  }
}
