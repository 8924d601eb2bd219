import { createHttpApp, type HttpApp } from '@slotwise/platform/http';
import type { Container } from './container.js';

/**
 * The notification service's HTTP app, without listening: health, metrics and OpenAPI only. Its
 * work arrives as events; the gateway does not route to it.
 */
export async function buildApp(container: Container): Promise<HttpApp> {
  const app = await createHttpApp({
    service: 'notification',
    logger: container.logger,
    readinessChecks: container.readinessChecks,
    metrics: container.metrics,
    openapi: { title: 'Slotwise notification service' },
  });
  return app;
}
