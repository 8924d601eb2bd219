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
    PORT: env.port(3003),
    DATABASE_URL: env.postgresUrl(),
  })
  .superRefine(requireEventTransport);

export type Config = z.output<typeof configSchema>;

export function loadBusinessConfig(
  source: Record<string, string | undefined> = process.env,
): Config {
  return loadConfig('business', configSchema, source);
}
