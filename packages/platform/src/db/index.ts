export * from './pool.js';
export * from './ensure-database.js';
export * from './migrate.js';
export * from './platform-migrations.js';
export * from './schema-drift.js';
export { parsePrismaSchema } from './prisma-schema.js';
export * from './db-errors.js';
export * from './repository-store.js';
