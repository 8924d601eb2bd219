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

/** What a service with the standard shape (see STYLE.md) hands to `runContainerService`. */
export interface ServiceModule<
  Config extends ServiceListenConfig,
  Container extends ServiceContainer,
> {
  loadConfig: () => Config;
  buildContainer: (config: Config) => Promise<Container>;
  buildApp: (container: Container) => Promise<HttpApp>;
}

interface ServiceListenConfig {
  PORT: number;
  HOST: string;
  SHUTDOWN_TIMEOUT_MS: number;
}

interface ServiceContainer {
  logger: Logger;
  start(): Promise<void>;
  stopSteps: ShutdownStep[];
}

/** A service's whole `main.ts`: config → container → app → listen, start, graceful shutdown. */
export function runContainerService<
  Config extends ServiceListenConfig,
  Container extends ServiceContainer,
>(name: string, module: ServiceModule<Config, Container>): Promise<void> {
  return runService(name, async () => {
    const config = module.loadConfig();
    const container = await module.buildContainer(config);
    const app = await module.buildApp(container);
    return {
      app,
      logger: container.logger,
      port: config.PORT,
      host: config.HOST,
      shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
      start: () => container.start(),
      stop: container.stopSteps,
    };
  });
}
