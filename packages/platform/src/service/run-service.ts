import { setTimeout as sleep } from 'node:timers/promises';
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
  /** How long it still serves once not ready, before closing (httpShutdownSteps). */
  shutdownDrainMs: number;
  /** Background work that starts once the server listens (relay, consumers, jobs). */
  start?: () => Promise<void>;
  /** Closes everything but the HTTP server, in order; runs after the server has drained. */
  stop?: ShutdownStep[];
}

/**
 * How an HTTP server leaves without failing a request: readiness off first, so that balancers
 * polling `/health/ready` stop sending here; for `drainMs` it still serves whatever comes, each
 * answer closing its connection (http/app.ts), so no keep-alive connection is left to be cut under
 * a request already on its way; then it closes: no new connections, the requests in flight
 * answered, the idle connections closed.
 */
export function httpShutdownSteps(app: HttpApp, drainMs: number): ShutdownStep[] {
  return [
    { name: 'readiness', run: () => app.readiness.markNotReady() },
    { name: 'drain', run: () => sleep(drainMs) },
    { name: 'http', run: () => app.close() },
  ];
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
    steps: [...httpShutdownSteps(app, service.shutdownDrainMs), ...(service.stop ?? [])],
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
  SHUTDOWN_DRAIN_MS: number;
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
      shutdownDrainMs: config.SHUTDOWN_DRAIN_MS,
      start: () => container.start(),
      stop: container.stopSteps,
    };
  });
}
