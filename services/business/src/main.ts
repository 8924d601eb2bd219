import { runContainerService } from '@slotwise/platform/service';
import { buildApp } from './app.js';
import { loadBusinessConfig } from './config.js';
import { buildContainer } from './container.js';

await runContainerService('business', {
  loadConfig: () => loadBusinessConfig(),
  buildContainer: (config) => buildContainer(config),
  buildApp,
});
