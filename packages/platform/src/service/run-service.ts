import { ConfigError } from '../config/load-config.js';
import type { HttpApp } from '../http/app.js';
import type { Logger } from '../logger/logger.js';
import { installShutdown, type ShutdownStep } from '../shutdown/shutdown.js';

export interface RunnableService {
  app: HttpApp;
  logger: Logger;
  port: number;
  host: string;
  shutdownTimeoutMs: number;
  /** Background work that starts once the server listens (relay, consumers, jobs). */
  start?: () => Promise<void>;
  /** Closes everything but the HTTP server, in order; runs after the server has drained. */
  stop?: ShutdownStep[];
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/**
 * What every service's `main.ts` does: build, listen, start background work, and shut down
 * gracefully on a signal. Configuration and port problems end the process with one clear line.
 */
export async function runService(
  name: string,
  build: () => Promise<RunnableService>,
): Promise<void> {
  let service: RunnableService;
  try {
    service = await build();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    fail(`${name}: failed to start: ${(error as Error).message}`);
  }
  const { app, logger } = service;
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection');
  });

  installShutdown({
    logger,
    timeoutMs: service.shutdownTimeoutMs,
    steps: [
      { name: 'readiness', run: () => app.readiness.markNotReady() },
      // Stops accepting connections and waits for in-flight requests to finish.
      { name: 'http', run: () => app.close() },
      ...(service.stop ?? []),
    ],
  });

  try {
    await app.listen({ port: service.port, host: service.host });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') fail(`${name}: port ${service.port} is already in use`);
    fail(`${name}: cannot listen on ${service.host}:${service.port}: ${(error as Error).message}`);
  }
  await service.start?.();
  logger.info({ port: service.port }, `${name} service listening`);
}
