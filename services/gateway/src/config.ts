import { fileURLToPath } from 'node:url';
import { baseServiceEnv, env, loadConfig } from '@slotwise/platform/config';
import { z } from 'zod';

export const gatewayConfigSchema = z.object({
  ...baseServiceEnv,
  PORT: env.port(3000),
  PUBLIC_URL: z.url().default('http://localhost:3000'),

  AUTH_SERVICE_URL: env.urlList().default(['http://127.0.0.1:3001']),
  BOOKING_SERVICE_URL: env.urlList().default(['http://127.0.0.1:3002']),
  BUSINESS_SERVICE_URL: env.urlList().default(['http://127.0.0.1:3003']),
  RESOURCE_SERVICE_URL: env.urlList().default(['http://127.0.0.1:3004']),
  /** Unset until the payment service is deployed; its routes then answer 503. */
  PAYMENT_SERVICE_URL: env.urlList().optional(),
  UPSTREAM_TIMEOUT_MS: env.int(5_000, 100),
  UPSTREAM_CONNECT_TIMEOUT_MS: env.int(1_000, 50),
  UPSTREAM_COOLDOWN_MS: env.int(5_000, 0),
  /** How often each instance of a service with several is asked whether it is ready; 0: never. */
  UPSTREAM_HEALTH_INTERVAL_MS: env.int(250, 0),

  AUTH_JWKS_URL: z.url().optional(),
  JWT_ISSUER: z.string().min(1).default('slotwise-auth'),
  JWT_AUDIENCE: z.string().min(1).default('slotwise-api'),
  /** The gateway's service credentials, to read auth's feed of revoked users. */
  SERVICE_CLIENT_ID: z.string().min(1).optional(),
  SERVICE_CLIENT_SECRET: z.string().min(16).optional(),
  REVOCATION_SYNC_INTERVAL_MS: env.int(2_000, 100),

  /**
   * The built web app served at `/` (apps/web/dist of this repository by default, the same from
   * src/ and from dist/). Missing: `/` answers 503 with a page that says to build it.
   */
  WEB_DIST_DIR: z
    .string()
    .min(1)
    .default(fileURLToPath(new URL('../../../apps/web/dist', import.meta.url))),

  CORS_ORIGINS: env.list().default([]),
  TRUST_PROXY: env.bool(false),
  BODY_LIMIT_BYTES: env.int(1024 * 1024, 1024),
  REDIS_URL: z.url().optional(),

  RATE_LIMIT_WINDOW_MS: env.int(60_000, 1_000),
  /** Every request, per client IP. */
  RATE_LIMIT_MAX: env.int(600, 1),
  /** Login, register, OTP and password-reset requests, per client IP and account. */
  RATE_LIMIT_AUTH_MAX: env.int(10, 1),
  /** Booking creations, per user. */
  RATE_LIMIT_BOOKING_MAX: env.int(60, 1),
});

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;

export function loadGatewayConfig(
  source: Record<string, string | undefined> = process.env,
): GatewayConfig {
  return loadConfig('gateway', gatewayConfigSchema, source);
}

/** The JWKS is served by auth; by default the gateway reads it from the first auth instance. */
export function jwksUrlOf(config: GatewayConfig): string {
  return config.AUTH_JWKS_URL ?? `${config.AUTH_SERVICE_URL[0]}/api/auth/.well-known/jwks.json`;
}
