export * from './app.js';
export * from './health.js';
export * from './responses.js';
export { errorResponseObject } from './openapi.js';
export { createMetricsRegistry } from './metrics.js';
