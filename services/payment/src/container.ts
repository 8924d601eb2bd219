import { authenticate, type PreHandler } from '@slotwise/platform/auth';
import { scheduleJob } from '@slotwise/platform/jobs';
import type { Logger } from '@slotwise/platform/logger';
import { createInfrastructure, type Infrastructure } from '@slotwise/platform/service';
import { CheckoutService } from './checkout/checkout.service.js';
import type { Config } from './config.js';
import { Store } from './db/store.repository.js';
import { bookingEventsConsumer } from './events/booking-events.consumer.js';
import { PrismaClient } from './generated/prisma/client.js';
import { maintenanceJob } from './jobs/maintenance.job.js';
import { PaymentService } from './payments/payment.service.js';
import { providerRegistry, type PaymentProvider } from './providers/provider.js';
import { SimulatedLedgerRepository } from './providers/simulated/simulated-ledger.repository.js';
import { SimulatedProvider } from './providers/simulated/simulated.provider.js';
import { StripeProvider } from './providers/stripe/stripe.provider.js';
import { RefundService } from './refunds/refund.service.js';
import { WebhookService } from './webhooks/webhook.service.js';

export interface Container extends Infrastructure<PrismaClient> {
  config: Config;
  payments: PaymentService;
  refunds: RefundService;
  webhooks: WebhookService;
  checkout: CheckoutService;
  simulated: SimulatedProvider;
  stripe: StripeProvider | undefined;
  authenticate: PreHandler;
}

export interface ContainerOverrides {
  logger?: Logger;
  /** The simulated provider's dice (its transient failures), for tests that script them. */
  random?: () => number;
}

/** The composition root: infrastructure → repositories → providers → services, wired by hand. */
export async function buildContainer(
  config: Config,
  overrides: ContainerOverrides = {},
): Promise<Container> {
  const infrastructure = await createInfrastructure({
    service: 'payment',
    config,
    createPrisma: (adapter) => new PrismaClient({ adapter }),
    ...(overrides.logger ? { logger: overrides.logger } : {}),
  });
  const { prisma, logger } = infrastructure;
  const store = new Store(prisma);

  const simulated = new SimulatedProvider(new SimulatedLedgerRepository(prisma), {
    publicUrl: config.PUBLIC_URL,
    webhookSecret: config.SIMULATED_WEBHOOK_SECRET,
    declineAbove: config.SIMULATED_DECLINE_ABOVE ?? null,
    delayMs: config.SIMULATED_DELAY_MS,
    failureRate: config.SIMULATED_FAILURE_RATE,
    ...(overrides.random ? { random: overrides.random } : {}),
  });
  const stripe = config.STRIPE_SECRET_KEY
    ? new StripeProvider({
        secretKey: config.STRIPE_SECRET_KEY,
        webhookSecret: config.STRIPE_WEBHOOK_SECRET,
        publicUrl: config.PUBLIC_URL,
        host: config.STRIPE_API_HOST,
        port: config.STRIPE_API_PORT,
        protocol: config.STRIPE_API_PROTOCOL,
        timeoutMs: config.STRIPE_TIMEOUT_MS,
      })
    : undefined;
  // New payments go to the configured provider; the others still answer for payments they took.
  const all: PaymentProvider[] = stripe ? [simulated, stripe] : [simulated];
  const providers = providerRegistry(
    config.PAYMENT_PROVIDER === 'stripe' && stripe ? stripe : simulated,
    all,
  );
  const retry = {
    maxAttempts: config.PROVIDER_MAX_ATTEMPTS,
    initialMs: config.PROVIDER_RETRY_INITIAL_MS,
    maxMs: config.PROVIDER_RETRY_MAX_MS,
  };

  const payments = new PaymentService(store, providers, logger, {
    windowMinutes: config.PAYMENT_WINDOW_MINUTES,
    retry,
  });
  const refunds = new RefundService(store, providers, logger, retry);
  const webhooks = new WebhookService(store, providers, logger);
  // The simulated provider reports through the same handler as a provider's HTTP webhook.
  simulated.connect((rawBody, headers) => webhooks.receive('simulated', rawBody, headers));

  infrastructure.consume(bookingEventsConsumer({ payments, refunds }));

  const maintenance = scheduleJob({
    name: 'payment-maintenance',
    everyMs: config.PAYMENT_EXPIRY_INTERVAL_SEC * 1000,
    pool: infrastructure.pool,
    logger,
    run: maintenanceJob({ payments, refunds, webhooks }, logger),
    runAtStart: false,
  });

  return {
    ...infrastructure,
    config,
    payments,
    refunds,
    webhooks,
    checkout: new CheckoutService(store, simulated),
    simulated,
    stripe,
    authenticate: authenticate(infrastructure.verifier),
    stopSteps: [
      { name: 'maintenance job', run: () => maintenance.stop() },
      ...infrastructure.stopSteps,
    ],
  };
}
