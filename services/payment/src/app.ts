import { createHttpApp, type HttpApp } from '@slotwise/platform/http';
import { registerCheckoutRoutes } from './checkout/checkout.routes.js';
import type { Container } from './container.js';
import { registerPaymentRoutes } from './payments/payment.routes.js';
import { registerWebhookRoutes } from './webhooks/webhook.routes.js';

/** The payment service's HTTP app, without listening: tests build it in-process. */
export async function buildApp(container: Container): Promise<HttpApp> {
  const app = await createHttpApp({
    service: 'payment',
    logger: container.logger,
    readinessChecks: container.readinessChecks,
    metrics: container.metrics,
    openapi: { title: 'Slotwise payment service' },
  });
  registerPaymentRoutes(app, {
    payments: container.payments,
    refunds: container.refunds,
    checkout: container.checkout,
    authenticate: container.authenticate,
  });
  await registerCheckoutRoutes(app, { checkout: container.checkout });
  await registerWebhookRoutes(app, { webhooks: container.webhooks });
  return app;
}
