import { runContainerService } from '@slotwise/platform/service';
import { buildApp } from './app.js';
import { loadNotificationConfig } from './config.js';
import { buildContainer } from './container.js';

await runContainerService('notification', {
  loadConfig: () => loadNotificationConfig(),
  buildContainer: (config) => buildContainer(config),
  buildApp,
});
