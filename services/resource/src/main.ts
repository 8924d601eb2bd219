import { runContainerService } from '@slotwise/platform/service';
import { buildApp } from './app.js';
import { loadResourceConfig } from './config.js';
import { buildContainer } from './container.js';

await runContainerService('resource', {
  loadConfig: () => loadResourceConfig(),
  buildContainer: (config) => buildContainer(config),
  buildApp,
});
