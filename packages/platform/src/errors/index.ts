export * from './app-error.js';
export * from './error-envelope.js';
export * from './dependency-errors.js';
