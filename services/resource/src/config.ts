import {
  baseServiceEnv,
  databaseEnv,
  env,
  eventsEnv,
  loadConfig,
  requireEventTransport,
  serviceClientEnv,
  tokenEnv,
} from '@slotwise/platform/config';
import { z } from 'zod';

export const configSchema = z
  .object({
    ...baseServiceEnv,
    ...databaseEnv,
    ...eventsEnv,
    ...tokenEnv,
    ...serviceClientEnv,
    PORT: env.port(3004),
    DATABASE_URL: env.postgresUrl(),
    /** Asked whether a vendor's business may publish resources (`/internal/businesses/...`). */
    BUSINESS_SERVICE_URL: z.url().default('http://127.0.0.1:3003'),
    /**
     * How long a business lookup is reused per owner; 0 turns the cache off. Capped at 30 s: a
     * stale "yes" for a business that was just suspended must not outlive that.
     */
    BUSINESS_CACHE_TTL_MS: env.int(10_000, 0, 30_000),
  })
  .superRefine(requireEventTransport);

export type Config = z.output<typeof configSchema>;

export function loadResourceConfig(
  source: Record<string, string | undefined> = process.env,
): Config {
  return loadConfig('resource', configSchema, source);
}
