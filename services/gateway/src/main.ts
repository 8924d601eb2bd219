import { runService } from '@slotwise/platform/service';
import { buildApp } from './app.js';
import { loadGatewayConfig } from './config.js';
import { buildContainer } from './container.js';

await runService('gateway', async () => {
  const config = loadGatewayConfig();
  const container = buildContainer(config);
  const app = await buildApp(container);
  return {
    app,
    logger: container.logger,
    port: config.PORT,
    host: config.HOST,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    start: async () => container.start(),
    stop: [{ name: 'upstreams', run: () => container.close() }],
  };
});
