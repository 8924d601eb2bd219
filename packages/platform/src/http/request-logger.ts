import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions, Level, Logger } from 'pino';

const LEVELS: readonly Level[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

type LogMethod = (...args: unknown[]) => void;

/**
 * The logger of one request, made only when something is logged through it at an enabled level.
 * Fastify gives every request a child logger to bind its id, and a pino child is not free (its
 * bindings go through redaction): a few percent of a service's CPU on the hot path, for lines a
 * production level mostly never writes. The level methods live on the prototype (below), so a
 * request costs one small object.
 */
class LazyRequestLogger {
  private real: Logger | undefined;

  constructor(
    private readonly parent: Logger,
    private readonly bindings: Bindings,
  ) {}

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

  write(level: Level, args: unknown[]): void {
    if (!(this.real ?? this.parent).isLevelEnabled(level)) return;
    this.resolve()[level](...(args as [string]));
  }

  private resolve(): Logger {
    this.real ??= this.parent.child(this.bindings);
    return this.real;
  }
}

for (const level of LEVELS) {
  (LazyRequestLogger.prototype as unknown as Record<Level, LogMethod>)[level] = function (
    this: LazyRequestLogger,
    ...args: unknown[]
  ): void {
    this.write(level, args);
  };
}

/** Fastify's `childLoggerFactory`: lazy, unless the route asks for options of its own (a level). */
export function requestLoggerFactory(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  for (const _ in options) return logger.child(bindings, options);
  return new LazyRequestLogger(logger as Logger, bindings) as unknown as FastifyBaseLogger;
}
