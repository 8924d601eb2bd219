import { createLogger } from '@slotwise/platform/logger';
import type { HttpApp } from '@slotwise/platform/http';
import { buildApp } from '../src/app.js';
import { gatewayConfigSchema } from '../src/config.js';
import { buildContainer, type GatewayContainer } from '../src/container.js';
import { loadConfig } from '@slotwise/platform/config';

export interface Gateway {
  app: HttpApp;
  container: GatewayContainer;
  close(): Promise<void>;
}

/**
 * The gateway in-process, its log silent; with `logLines`, every line it logs at info and above
 * is pushed there (as JSON) for a test to read.
 */
export async function startGateway(
  env: Record<string, string>,
  logLines?: string[],
): Promise<Gateway> {
  const config = loadConfig('gateway', gatewayConfigSchema, { LOG_LEVEL: 'silent', ...env });
  const logger = logLines
    ? createLogger({
        service: 'gateway',
        level: 'info',
        destination: { write: (line: string) => void logLines.push(line) },
      })
    : createLogger({ service: 'gateway', level: 'silent' });
  const container = buildContainer(config, { logger });
  const app = await buildApp(container);
  await app.ready();
  return {
    app,
    container,
    close: async () => {
      await app.close();
      await container.close();
    },
  };
}
