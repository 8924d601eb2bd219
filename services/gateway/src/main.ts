import { runContainerService } from '@slotwise/platform/service';
import { buildApp } from './app.js';
import { loadGatewayConfig } from './config.js';
import { buildContainer } from './container.js';

await runContainerService('gateway', {
  loadConfig: () => loadGatewayConfig(),
  buildContainer: async (config) => buildContainer(config),
  buildApp: (container) => buildApp(container),
});
