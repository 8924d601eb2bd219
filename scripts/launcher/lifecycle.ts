import { out } from './output.js';

interface Stoppable {
  name: string;
  stop: () => Promise<void>;
  /** Immediate, for the second Ctrl-C. */
  kill: () => void;
}

/** A stop request: by a signal (exit 0), or by a failure (exit 1). */
export interface StopRequest {
  reason: string;
  exitCode: number;
}

/**
 * Everything started registers how to stop it; teardown runs in reverse order (gateway, services,
 * MailDev, PostgreSQL). Signals only request the stop: the launcher's main flow tears down, so a
 * Ctrl-C in the middle of starting stops what was started and nothing is left behind.
 */
export class Lifecycle {
  private readonly started: Stoppable[] = [];
  /** Everything ever registered, also what is being stopped right now, for a forced stop. */
  private readonly all: Stoppable[] = [];
  private readonly abortController = new AbortController();
  private firstSignalAt = 0;
  private forced = false;
  private resolveStop!: (request: StopRequest) => void;
  readonly stopRequested = new Promise<StopRequest>((resolve) => (this.resolveStop = resolve));

  /** Aborted once a stop is requested: long startup steps watch it. */
  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  get isForced(): boolean {
    return this.forced;
  }

  register(name: string, stop: () => Promise<void>, kill: () => void = () => undefined): void {
    const item = { name, stop, kill };
    this.started.push(item);
    this.all.push(item);
  }

  requestStop(request: StopRequest): void {
    if (this.abortController.signal.aborted) return;
    this.abortController.abort(new Error(request.reason));
    this.resolveStop(request);
  }

  installSignalHandlers(): void {
    const onSignal = (name: NodeJS.Signals) => {
      const now = Date.now();
      if (!this.firstSignalAt) {
        this.firstSignalAt = now;
        out.step(`${name}: stopping everything (Ctrl-C again to force)`);
        this.requestStop({ reason: `stopped by ${name}`, exitCode: 0 });
        return;
      }
      // `npm start` forwards the terminal's SIGINT, which the launcher also receives directly:
      // a second signal within a second is that same Ctrl-C.
      if (now - this.firstSignalAt < 1_000 || this.forced) return;
      this.forced = true;
      out.warn(`${name} again: forcing`);
      for (const item of [...this.all].reverse()) item.kill();
    };
    for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(name, onSignal);
  }

  /** Stops everything started, newest first; a failure to stop one does not keep the others up. */
  async teardown(): Promise<void> {
    while (this.started.length > 0) {
      const item = this.started.pop();
      if (!item) break;
      try {
        await item.stop();
      } catch (error) {
        out.warn(`stopping ${item.name} failed: ${(error as Error).message}`);
      }
    }
  }
}
