export * from './app.js';
export * from './health.js';
export * from './responses.js';
export { createMetricsRegistry } from './metrics.js';
