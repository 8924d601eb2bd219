/** What the end-to-end tests start the gateway from, as main.ts does. */
export { buildApp } from './app.js';
export { gatewayConfigSchema } from './config.js';
export { buildContainer } from './container.js';
