export * from './roles.js';
export * from './event-types.js';
export * from './user-events.js';
export * from './schedule.js';
export * from './booking-rules.js';
export * from './business.js';
export * from './resource.js';
export * from './booking.js';
