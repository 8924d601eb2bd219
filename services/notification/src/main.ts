import { runService } from '@slotwise/platform/service';
import { buildApp } from './app.js';
import { loadNotificationConfig } from './config.js';
import { buildContainer } from './container.js';

await runService('notification', async () => {
  const config = loadNotificationConfig();
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
