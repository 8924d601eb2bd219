/**
 * Runs a consumer's events by aggregate: the events of one aggregate one after another, in the
 * order they came, and those of different aggregates side by side, at most `limit` at a time.
 * With a limit of 1 everything runs in arrival order, one at a time.
 */
export class AggregateLanes {
  private readonly tails = new Map<string, Promise<unknown>>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new Error('concurrency must be a positive integer');
    }
  }

  /** Resolves or rejects as `task` does; a failed task does not hold up its aggregate's next. */
  run<T>(aggregate: string, task: () => Promise<T>): Promise<T> {
    const key = this.limit === 1 ? '' : aggregate;
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(() => this.withSlot(task));
    const settled = result.catch(() => undefined);
    this.tails.set(key, settled);
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return result;
  }

  private async withSlot<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) this.active += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      // The slot passes straight to the next waiter, if any.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}

/** The aggregate of an event payload as it came off the wire, before any validation. */
export function aggregateOf(payload: unknown, fallback: string): string {
  const id = (payload as { aggregateId?: unknown } | null)?.aggregateId;
  return typeof id === 'string' ? id : fallback;
}
