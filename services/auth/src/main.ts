import { runContainerService } from '@slotwise/platform/service';
import { buildApp } from './app.js';
import { loadAuthConfig } from './config.js';
import { buildContainer } from './container.js';

await runContainerService('auth', {
  loadConfig: () => loadAuthConfig(),
  buildContainer: (config) => buildContainer(config),
  buildApp,
});
