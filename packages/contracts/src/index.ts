export * from './roles.js';
export * from './event-types.js';
