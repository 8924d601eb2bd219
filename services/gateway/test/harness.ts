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

export async function startGateway(env: Record<string, string>): Promise<Gateway> {
  const config = loadConfig('gateway', gatewayConfigSchema, { LOG_LEVEL: 'silent', ...env });
  const container = buildContainer(config, {
    logger: createLogger({ service: 'gateway', level: 'silent' }),
  });
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
