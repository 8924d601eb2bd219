/** What the end-to-end tests start this service from, as main.ts does. */
export { buildApp } from './app.js';
export { configSchema } from './config.js';
export { buildContainer } from './container.js';
