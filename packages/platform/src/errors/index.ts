export * from './app-error.js';
export * from './error-envelope.js';
