import { authenticate, type PreHandler } from '@slotwise/platform/auth';
import { scheduleJob } from '@slotwise/platform/jobs';
import type { Logger } from '@slotwise/platform/logger';
import { createInfrastructure, type Infrastructure } from '@slotwise/platform/service';
import { Counter } from 'prom-client';
import { AvailabilityService } from './availability/availability.service.js';
import { BookingRepository } from './bookings/booking.repository.js';
import { BookingChanges } from './bookings/booking-changes.service.js';
import { BookingService } from './bookings/booking.service.js';
import { IdempotencyRepository } from './bookings/idempotency.repository.js';
import { PlatformCancellations } from './bookings/platform-cancellations.js';
import { Reminders } from './bookings/reminders.js';
import { ResourceLanes } from './bookings/resource-lanes.js';
import type { Config } from './config.js';
import { PrismaClient } from './generated/prisma/client.js';
import { bookingConsumer } from './events/booking-consumer.js';
import { cleanupJob } from './jobs/cleanup.job.js';
import { BookingPayments } from './payments/booking-payments.js';
import { ResourceCatalog } from './resources/resource-catalog.js';

export interface Container extends Infrastructure<PrismaClient> {
  config: Config;
  bookings: BookingService;
  changes: BookingChanges;
  payments: BookingPayments;
  cancellations: PlatformCancellations;
  reminders: Reminders;
  catalog: ResourceCatalog;
  availability: AvailabilityService;
  authenticate: PreHandler;
  authenticateOptional: PreHandler;
}

/** The composition root: infrastructure → repositories → services, wired by hand. */
export async function buildContainer(
  config: Config,
  overrides: { logger?: Logger } = {},
): Promise<Container> {
  const infrastructure = await createInfrastructure({
    service: 'booking',
    config,
    createPrisma: (adapter) => new PrismaClient({ adapter }),
    ...(overrides.logger ? { logger: overrides.logger } : {}),
  });
  const deadlocks = new Counter({
    name: 'booking_deadlock_retries_total',
    help: 'Booking writes chosen as a deadlock victim and run again',
    registers: [infrastructure.metrics],
  });
  const repository = new BookingRepository(infrastructure.prisma, infrastructure.pool, () =>
    deadlocks.inc(),
  );
  const keys = new IdempotencyRepository(infrastructure.prisma);
  const catalog = new ResourceCatalog(
    infrastructure.serviceClient('resource', config.RESOURCE_SERVICE_URL),
    config.RESOURCE_CACHE_TTL_MS,
    config.AVAILABILITY_CACHE_TTL_MS,
  );
  const bookings = new BookingService(
    repository,
    keys,
    catalog,
    new ResourceLanes(config.BOOKING_QUEUE_MAX_PER_RESOURCE),
    {
      maxDurationDays: config.BOOKING_MAX_DURATION_DAYS,
      idempotencyTtlHours: config.IDEMPOTENCY_TTL_HOURS,
      paymentWindowMinutes: config.PAYMENT_WINDOW_MINUTES,
    },
  );
  const changes = new BookingChanges(repository, bookings, catalog, {
    maxDurationDays: config.BOOKING_MAX_DURATION_DAYS,
  });
  const payments = new BookingPayments(repository, changes, catalog);
  const cancellations = new PlatformCancellations(repository, changes);
  const reminders = new Reminders(repository, config.REMINDER_HOURS_BEFORE);
  infrastructure.consume(bookingConsumer({ payments, cancellations, catalog }));
  const reminderJob = scheduleJob({
    name: 'booking-reminders',
    everyMs: config.REMINDER_INTERVAL_SEC * 1000,
    pool: infrastructure.pool,
    logger: infrastructure.logger,
    metrics: infrastructure.metrics,
    run: async () => {
      await reminders.sendDue();
    },
    runAtStart: false,
  });
  const cleanup = scheduleJob({
    name: 'booking-cleanup',
    everyMs: config.CLEANUP_INTERVAL_SEC * 1000,
    pool: infrastructure.pool,
    logger: infrastructure.logger,
    metrics: infrastructure.metrics,
    run: cleanupJob(keys, config.IDEMPOTENCY_TTL_HOURS),
    runAtStart: false,
  });
  // Once per tick across the instances (scheduleJob); the version guard makes overlap harmless.
  const expiry = scheduleJob({
    name: 'booking-expiry',
    everyMs: config.EXPIRY_INTERVAL_SEC * 1000,
    pool: infrastructure.pool,
    logger: infrastructure.logger,
    metrics: infrastructure.metrics,
    run: async () => {
      await changes.expireUnconfirmed();
    },
    runAtStart: false,
  });
  return {
    ...infrastructure,
    config,
    bookings,
    changes,
    payments,
    cancellations,
    reminders,
    catalog,
    availability: new AvailabilityService(repository, catalog, {
      maxWindowDays: config.AVAILABILITY_MAX_DAYS,
      maxDurationDays: config.BOOKING_MAX_DURATION_DAYS,
    }),
    authenticate: authenticate(infrastructure.verifier),
    authenticateOptional: authenticate(infrastructure.verifier, { optional: true }),
    stopSteps: [
      { name: 'cleanup job', run: () => cleanup.stop() },
      { name: 'expiry job', run: () => expiry.stop() },
      { name: 'reminder job', run: () => reminderJob.stop() },
      ...infrastructure.stopSteps,
    ],
  };
}
