import { runContainerService } from '@slotwise/platform/service';
import { buildApp } from './app.js';
import { loadPaymentConfig } from './config.js';
import { buildContainer } from './container.js';

await runContainerService('payment', {
  loadConfig: () => loadPaymentConfig(),
  buildContainer: (config) => buildContainer(config),
  buildApp,
});
