export * from './test-database.js';
export * from './test-postgres.js';
export * from './test-keys.js';
export * from './tcp-proxy.js';
export * from './service-env.js';
export * from './wait-for.js';
export * from './smtp-capture.js';
export * from './factory.js';
