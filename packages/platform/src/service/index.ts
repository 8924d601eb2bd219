export * from './run-service.js';
export * from './infrastructure.js';
