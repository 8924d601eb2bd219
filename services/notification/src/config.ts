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

export const configSchema = z
  .object({
    ...baseServiceEnv,
    ...databaseEnv,
    ...eventsEnv,
    ...tokenEnv,
    PORT: env.port(3005),
    DATABASE_URL: env.postgresUrl(),
    /** Where mail goes: MailDev locally (smtp://127.0.0.1:1025), a relay in production. */
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL'),
    MAIL_FROM: z.string().min(3).default('Slotwise <no-reply@slotwise.local>'),
    PRODUCT_NAME: z.string().min(1).default('Slotwise'),
    /** The gateway's public address, for links in mails. */
    PUBLIC_URL: z.url().default('http://localhost:3000'),
    /** Deliveries tried per event before its notification is FAILED and it is dead-lettered. */
    NOTIFICATION_MAX_ATTEMPTS: env.int(5, 1, 100),
    NOTIFICATION_RETRY_INITIAL_MS: env.int(1_000, 1),
    NOTIFICATION_RETRY_MAX_MS: env.int(60_000, 1),
    /**
     * Events handled at once (those of one booking or user always one after another). More
     * drains a mail backlog faster but takes CPU from the request paths meanwhile: on the 2-core
     * box, 2 drained ~40 % faster and cost ~8 % of the booking rate during a burst (ADR 0006).
     */
    NOTIFICATION_CONCURRENCY: env.int(1, 1, 32),
    // nodemailer's own defaults (2 min, 30 s, 10 min) would hold the queue far too long.
    SMTP_CONNECTION_TIMEOUT_MS: env.int(10_000, 100),
    SMTP_GREETING_TIMEOUT_MS: env.int(10_000, 100),
    SMTP_SOCKET_TIMEOUT_MS: env.int(30_000, 100),
  })
  .superRefine(requireEventTransport)
  .superRefine((config, ctx) => {
    if (config.NOTIFICATION_RETRY_MAX_MS < config.NOTIFICATION_RETRY_INITIAL_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['NOTIFICATION_RETRY_MAX_MS'],
        message: 'must not be smaller than NOTIFICATION_RETRY_INITIAL_MS',
      });
    }
  });

export type Config = z.output<typeof configSchema>;

export function loadNotificationConfig(
  source: Record<string, string | undefined> = process.env,
): Config {
  return loadConfig('notification', configSchema, source);
}
