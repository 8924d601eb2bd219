import { createHttpApp, type HttpApp } from '@slotwise/platform/http';
import type { Container } from './container.js';

/** The auth service's HTTP app, without listening: tests build it in-process. */
export async function buildApp(container: Container): Promise<HttpApp> {
  const app = await createHttpApp({
    service: 'auth',
    logger: container.logger,
    readinessChecks: container.readinessChecks,
    metrics: container.metrics,
    openapi: { title: 'Slotwise auth service' },
  });
  return app;
}
