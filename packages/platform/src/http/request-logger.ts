import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions, Level, Logger } from 'pino';

const LEVELS: readonly Level[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

type LogMethod = (...args: unknown[]) => void;

/**
 * The logger of one request, made only when something is logged through it at an enabled level.
 * Fastify gives every request a child logger to bind its id, and a pino child is not free (its
 * bindings go through redaction): a few percent of a service's CPU on the hot path, for lines a
 * production level mostly never writes.
 */
class LazyRequestLogger {
  private real: Logger | undefined;

  constructor(
    private readonly parent: Logger,
    private readonly bindings: Bindings,
  ) {
    for (const level of LEVELS) {
      (this as unknown as Record<Level, LogMethod>)[level] = (...args: unknown[]): void => {
        const target = this.real ?? this.parent;
        if (!target.isLevelEnabled(level)) return;
        this.resolve()[level](...(args as [string]));
      };
    }
  }

  get level(): string {
    return (this.real ?? this.parent).level;
  }

  set level(level: string) {
    this.resolve().level = level;
  }

  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): Logger {
    return this.resolve().child(bindings, options);
  }

  private resolve(): Logger {
    this.real ??= this.parent.child(this.bindings);
    return this.real;
  }
}

/** Fastify's `childLoggerFactory`: lazy, unless the route asks for options of its own (a level). */
export function requestLoggerFactory(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  if (Object.keys(options).length > 0) return logger.child(bindings, options);
  return new LazyRequestLogger(logger as Logger, bindings) as unknown as FastifyBaseLogger;
}
