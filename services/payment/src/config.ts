import { randomBytes } from 'node:crypto';
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
import { money } from '@slotwise/contracts';
import { z } from 'zod';

export const configSchema = z
  .object({
    ...baseServiceEnv,
    ...databaseEnv,
    ...eventsEnv,
    ...tokenEnv,
    ...serviceClientEnv,
    PORT: env.port(3006),
    DATABASE_URL: env.postgresUrl(),
    /** Where a person reaches the platform (the gateway): checkout and return links start here. */
    PUBLIC_URL: z.url().default('http://localhost:3000'),
    /** Who takes new payments; payments already made keep the provider that took them. */
    PAYMENT_PROVIDER: z.enum(['simulated', 'stripe']).default('simulated'),
    /** How long a PREPAY payment may be paid before it fails as EXPIRED (its booking is released). */
    PAYMENT_WINDOW_MINUTES: env.int(15, 1, 1_440),
    PAYMENT_EXPIRY_INTERVAL_SEC: env.int(30, 1),
    /** Calls to the provider: attempts in all, and the backoff between them. */
    PROVIDER_MAX_ATTEMPTS: env.int(4, 1, 10),
    PROVIDER_RETRY_INITIAL_MS: env.int(200, 1),
    PROVIDER_RETRY_MAX_MS: env.int(5_000, 1),

    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    /** Another Stripe API endpoint than Stripe's own (a local stand-in in tests). */
    STRIPE_API_HOST: z.string().min(1).optional(),
    STRIPE_API_PORT: env.port(443).optional(),
    STRIPE_API_PROTOCOL: z.enum(['http', 'https']).optional(),
    STRIPE_TIMEOUT_MS: env.int(20_000, 100),

    /** The simulated provider declines a payment above this amount (unset: it never declines). */
    SIMULATED_DECLINE_ABOVE: money.optional(),
    /** How long each simulated provider call and delivery takes. */
    SIMULATED_DELAY_MS: env.int(0, 0, 60_000),
    /** The share (0 to 1) of simulated provider calls that fail transiently, after taking effect. */
    SIMULATED_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
    /**
     * Signs the simulated provider's webhook deliveries. Random per process by default, which is
     * enough for one instance; several instances must share one.
     */
    SIMULATED_WEBHOOK_SECRET: env.secret(16).default(() => randomBytes(32).toString('base64url')),
  })
  .superRefine(requireEventTransport)
  .superRefine((config, ctx) => {
    if (config.PAYMENT_PROVIDER === 'stripe' && !config.STRIPE_SECRET_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['STRIPE_SECRET_KEY'],
        message: 'required when PAYMENT_PROVIDER is stripe',
      });
    }
    if (config.PAYMENT_PROVIDER === 'stripe' && !config.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['STRIPE_WEBHOOK_SECRET'],
        message: 'required when PAYMENT_PROVIDER is stripe (webhooks are verified with it)',
      });
    }
  });

export type Config = z.output<typeof configSchema>;

export function loadPaymentConfig(
  source: Record<string, string | undefined> = process.env,
): Config {
  return loadConfig('payment', configSchema, source);
}
