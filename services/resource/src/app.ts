import { createHttpApp, type HttpApp } from '@slotwise/platform/http';
import type { Container } from './container.js';

/** The resource service's HTTP app, without listening: tests build it in-process. */
export async function buildApp(container: Container): Promise<HttpApp> {
  const app = await createHttpApp({
    service: 'resource',
    logger: container.logger,
    readinessChecks: container.readinessChecks,
    metrics: container.metrics,
    openapi: { title: 'Slotwise resource service' },
  });
  return app;
}
