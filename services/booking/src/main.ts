import { runContainerService } from '@slotwise/platform/service';
import { buildApp } from './app.js';
import { loadBookingConfig } from './config.js';
import { buildContainer } from './container.js';

await runContainerService('booking', {
  loadConfig: () => loadBookingConfig(),
  buildContainer: (config) => buildContainer(config),
  buildApp,
});
