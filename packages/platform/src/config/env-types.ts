import { z } from 'zod';

/** Building blocks for the services' env schemas; every value arrives as a string. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  int: (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
    z.coerce.number().int().min(min).max(max).default(fallback),
  bool: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1' || value === 'yes'),
  url: () => z.string().url(),
  postgresUrl: () =>
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .pipe(z.string().url()),
  /** A comma-separated list, e.g. several instances of one upstream. */
  list: () =>
    z.string().transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  urlList: () =>
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().url()).min(1)),
  logLevel: () =>
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  nodeEnv: () => z.enum(['development', 'test', 'production']).default('development'),
  secret: (minLength = 16) => z.string().min(minLength, `must be at least ${minLength} characters`),
};

/** Variables every service reads; a service's schema extends these. */
export const baseServiceEnv = {
  NODE_ENV: env.nodeEnv(),
  LOG_LEVEL: env.logLevel(),
  HOST: z.string().default('127.0.0.1'),
  /** Upper bound on how long a graceful shutdown may take before the process is forced out. */
  SHUTDOWN_TIMEOUT_MS: env.int(10_000, 100),
  /**
   * How long a stopping process still serves, readiness already off, before it closes: longer
   * than its balancer takes to notice (the gateway polls every UPSTREAM_HEALTH_INTERVAL_MS).
   */
  SHUTDOWN_DRAIN_MS: env.int(1_000, 0, 60_000),
};

/** The database pool every service with a database reads. */
export const databaseEnv = {
  DATABASE_POOL_MAX: env.int(10, 1, 500),
  DATABASE_STATEMENT_TIMEOUT_MS: env.int(5_000, 0),
  DATABASE_CONNECTION_TIMEOUT_MS: env.int(3_000, 100),
};

/** The event transport: RabbitMQ when `AMQP_URL` is set, else pg-boss in `EVENTS_DATABASE_URL`. */
export const eventsEnv = {
  AMQP_URL: z
    .string()
    .regex(/^amqps?:\/\//, 'must be an amqp:// or amqps:// URL')
    .optional(),
  EVENTS_DATABASE_URL: env.postgresUrl().optional(),
  /** Names the exchange and queues (`<prefix>.events`, `<prefix>.<consumer>`). */
  EVENTS_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,40}$/, 'lowercase letters, digits, - and _')
    .default('slotwise'),
  /** Days published outbox rows are kept (for inspection); 0 deletes them once published. */
  OUTBOX_KEEP_PUBLISHED_DAYS: env.int(0, 0, 365),
};

export function requireEventTransport(
  config: { AMQP_URL?: string | undefined; EVENTS_DATABASE_URL?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (!config.AMQP_URL && !config.EVENTS_DATABASE_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['EVENTS_DATABASE_URL'],
      message: 'set AMQP_URL (RabbitMQ) or EVENTS_DATABASE_URL (PostgreSQL queue)',
    });
  }
}

/** Verifying access tokens: every service checks them itself against auth's JWKS. */
export const tokenEnv = {
  AUTH_JWKS_URL: z.url().default('http://127.0.0.1:3001/api/auth/.well-known/jwks.json'),
  JWT_ISSUER: z.string().min(1).default('slotwise-auth'),
  JWT_AUDIENCE: z.string().min(1).default('slotwise-api'),
  /** How often revoked users are fetched from auth (needs SERVICE_CLIENT_ID/SECRET). */
  REVOCATION_SYNC_INTERVAL_MS: env.int(2_000, 100),
};

/** Calling other services: a short-lived service token from auth, per calling service. */
export const serviceClientEnv = {
  AUTH_SERVICE_URL: z.url().default('http://127.0.0.1:3001'),
  SERVICE_CLIENT_ID: z.string().min(1).optional(),
  SERVICE_CLIENT_SECRET: z.string().min(16).optional(),
  SERVICE_CALL_TIMEOUT_MS: env.int(2_000, 50),
};
