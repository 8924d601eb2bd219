import {
  baseServiceEnv,
  databaseEnv,
  env,
  eventsEnv,
  loadConfig,
  requireEventTransport,
  tokenEnv,
} from '@slotwise/platform/config';
import { z } from 'zod';

/** `booking:secret,resource:secret`: the services allowed to ask for service tokens. */
const serviceClients = z.string().transform((value, ctx) => {
  const clients: Record<string, string> = {};
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [id, secret] = [entry.slice(0, entry.indexOf(':')), entry.slice(entry.indexOf(':') + 1)];
    if (!/^[a-z][a-z0-9-]*$/.test(id) || entry.indexOf(':') < 1 || secret.length < 16) {
      ctx.addIssue({
        code: 'custom',
        message: 'each entry must be <client-id>:<secret of 16+ characters>',
      });
      return z.NEVER;
    }
    clients[id] = secret;
  }
  return clients;
});

export const configSchema = z
  .object({
    ...baseServiceEnv,
    ...databaseEnv,
    ...eventsEnv,
    ...tokenEnv,
    PORT: env.port(3001),
    DATABASE_URL: env.postgresUrl(),

    /** Derives the OTP pepper and the key that seals refresh-grace pairs. Several auth instances
     * must share it; unset, a random one is made per process (codes then die with a restart). */
    AUTH_SECRET: env.secret(32).optional(),
    BCRYPT_COST: env.int(12, 4, 15),
    ACCESS_TOKEN_TTL_SEC: env.int(900, 30),
    REFRESH_TOKEN_TTL_SEC: env.int(7 * 24 * 3600, 60),
    REFRESH_GRACE_SEC: env.int(10, 0, 120),
    SERVICE_TOKEN_TTL_SEC: env.int(300, 30, 3600),
    SIGNING_KEY_ROTATION_DAYS: env.int(30, 1),
    /** How long an instance reuses the signing keys it read before reading them again. */
    SIGNING_KEY_CACHE_MS: env.int(5_000, 1),

    OTP_TTL_SEC: env.int(600, 30),
    OTP_MAX_ATTEMPTS: env.int(5, 1),
    OTP_MAX_PER_HOUR: env.int(5, 1),
    TWO_FACTOR_CHALLENGE_TTL_SEC: env.int(600, 30),

    LOGIN_MAX_FAILURES: env.int(10, 1),
    LOGIN_FAILURE_WINDOW_SEC: env.int(15 * 60, 1),
    LOGIN_LOCKOUT_BASE_SEC: env.int(5 * 60, 1),
    LOGIN_LOCKOUT_MAX_SEC: env.int(24 * 3600, 1),
    /** Answers that must not reveal whether an account exists take at least this long. */
    ENUMERATION_FLOOR_MS: env.int(150, 0, 5_000),

    COOKIE_SECURE: env.bool(true),
    CLEANUP_INTERVAL_SEC: env.int(300, 1),
    SERVICE_CLIENTS: serviceClients.default({}),

    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(8).max(128).optional(),
    ADMIN_USERNAME: z.string().min(3).max(32).default('admin'),
  })
  .superRefine(requireEventTransport)
  .superRefine((config, ctx) => {
    if (Boolean(config.ADMIN_EMAIL) !== Boolean(config.ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ADMIN_PASSWORD'],
        message: 'set ADMIN_EMAIL and ADMIN_PASSWORD together',
      });
    }
  });

export type Config = z.output<typeof configSchema>;

export function loadAuthConfig(source: Record<string, string | undefined> = process.env): Config {
  return loadConfig('auth', configSchema, source);
}
