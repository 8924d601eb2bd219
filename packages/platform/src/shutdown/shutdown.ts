import type { Logger } from '../logger/logger.js';

export interface ShutdownStep {
  name: string;
  run: () => Promise<void> | void;
}

export interface ShutdownOptions {
  logger: Logger;
  /** The steps, in order: typically mark not ready, close the HTTP server (finishing in-flight
   * requests), stop consumers, stop the outbox relay, close pools. */
  steps: ShutdownStep[];
  /** After this long the process exits anyway, with code 1. */
  timeoutMs?: number;
  signals?: NodeJS.Signals[];
  exit?: (code: number) => void;
}

export interface ShutdownHandle {
  /** Runs the steps once; later calls return the same promise. */
  shutdown(reason: string): Promise<void>;
  /** Removes the signal handlers (tests). */
  dispose(): void;
}

/**
 * Graceful shutdown on SIGTERM/SIGINT. Each step runs even if an earlier one failed (a pool must
 * still be closed when the broker connection would not close); a second signal or the timeout
 * forces the exit, so a stuck step can never keep a process alive.
 */
export function installShutdown({
  logger,
  steps,
  timeoutMs = 10_000,
  signals = ['SIGTERM', 'SIGINT'],
  exit = (code) => process.exit(code),
}: ShutdownOptions): ShutdownHandle {
  let running: Promise<void> | undefined;

  const runSteps = async (): Promise<boolean> => {
    let clean = true;
    for (const step of steps) {
      try {
        await step.run();
        logger.debug({ step: step.name }, 'shutdown step done');
      } catch (error) {
        clean = false;
        logger.error({ err: error, step: step.name }, 'shutdown step failed');
      }
    }
    return clean;
  };

  const shutdown = (reason: string): Promise<void> => {
    if (running) return running;
    logger.info({ reason }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out; forcing exit');
      exit(1);
    }, timeoutMs);
    timer.unref();
    running = runSteps().then((clean) => {
      clearTimeout(timer);
      logger.info('shutdown complete');
      exit(clean ? 0 : 1);
    });
    return running;
  };

  const onSignal = (signal: NodeJS.Signals): void => {
    if (running) {
      logger.warn({ signal }, 'second signal; forcing exit');
      exit(1);
      return;
    }
    void shutdown(signal);
  };
  for (const signal of signals) process.on(signal, onSignal);

  return {
    shutdown,
    dispose: () => {
      for (const signal of signals) process.off(signal, onSignal);
    },
  };
}
