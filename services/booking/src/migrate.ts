/**
 * The deploy's one-shot migration command (`node dist/migrate.js`, docs/OPERATIONS.md): applies the
 * platform's and this service's pending migrations to DATABASE_URL, then exits (0: the schema is
 * current). Running it again changes nothing, and concurrent runs queue on the runner's advisory
 * lock, so a Job and a rolling update may both call it.
 */
import { fileURLToPath } from 'node:url';
import { env, loadConfig } from '@slotwise/platform/config';
import { migrate } from '@slotwise/platform/db';
import { createLogger } from '@slotwise/platform/logger';
import { z } from 'zod';

const SERVICE = 'booking';
// prisma/ sits beside src/ and dist/: the same path from the sources and from the build.
const migrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

try {
  const config = loadConfig(
    `${SERVICE} migrate`,
    z.object({ DATABASE_URL: env.postgresUrl(), LOG_LEVEL: env.logLevel() }),
  );
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const result = await migrate({
    connectionString: config.DATABASE_URL,
    migrationsDir,
    log: (message) => logger.info(message),
  });
  logger.info(
    { applied: result.applied, platformApplied: result.platformApplied },
    `schema is current (${result.applied.length + result.platformApplied.length} migration(s) applied)`,
  );
} catch (error) {
  process.stderr.write(`${SERVICE}: migration failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
