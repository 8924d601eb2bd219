import { runService } from '@slotwise/platform/service';
import { buildApp } from './app.js';
import { loadResourceConfig } from './config.js';
import { buildContainer } from './container.js';

await runService('resource', async () => {
  const config = loadResourceConfig();
  const container = await buildContainer(config);
  const app = await buildApp(container);
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
