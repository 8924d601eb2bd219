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
    PORT: env.port(3002),
    DATABASE_URL: env.postgresUrl(),
    RESOURCE_SERVICE_URL: z.url().default('http://127.0.0.1:3004'),
    /** How long a resource's snapshot (its price!) may be reused: the customer must get the
     * price they saw, so a few seconds at most. */
    RESOURCE_CACHE_TTL_MS: env.int(3_000, 0, 10_000),
    /**
     * How old a snapshot availability may read (it shows no price). A change of a resource or
     * its business drops the snapshot at once through their events; this bounds it while they
     * are late.
     */
    AVAILABILITY_CACHE_TTL_MS: env.int(60_000, 0, 3_600_000),
    BOOKING_MAX_DURATION_DAYS: env.int(30, 1),
    AVAILABILITY_MAX_DAYS: env.int(93, 1),
    /** Creates of one resource waiting in this process before more are refused with 503. */
    BOOKING_QUEUE_MAX_PER_RESOURCE: env.int(2_000, 1),
    IDEMPOTENCY_TTL_HOURS: env.int(24, 1),
    CLEANUP_INTERVAL_SEC: env.int(300, 1),
    /** How often PENDING bookings past their confirmation window are cancelled (EXPIRED). */
    EXPIRY_INTERVAL_SEC: env.int(30, 1),
    /** How long a PREPAY booking holds its time unpaid before the platform releases it. */
    PAYMENT_WINDOW_MINUTES: env.int(15, 1, 1_440),
    /** How long before its start a CONFIRMED booking's customer is reminded, and how often to look. */
    REMINDER_HOURS_BEFORE: env.int(24, 1, 168),
    REMINDER_INTERVAL_SEC: env.int(60, 1),
  })
  .superRefine(requireEventTransport);

export type Config = z.output<typeof configSchema>;

export function loadBookingConfig(
  source: Record<string, string | undefined> = process.env,
): Config {
  return loadConfig('booking', configSchema, source);
}
