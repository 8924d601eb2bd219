import { createHttpApp, type HttpApp } from '@slotwise/platform/http';
import { registerCategoryRoutes } from './categories/category.routes.js';
import type { Container } from './container.js';
import { registerInternalRoutes } from './internal/internal.routes.js';
import { registerResourceScheduleRoutes } from './resources/resource-schedule.routes.js';
import { registerResourceRoutes } from './resources/resource.routes.js';

/** The resource service's HTTP app, without listening: tests build it in-process. */
export async function buildApp(container: Container): Promise<HttpApp> {
  const app = await createHttpApp({
    service: 'resource',
    logger: container.logger,
    readinessChecks: container.readinessChecks,
    metrics: container.metrics,
    openapi: { title: 'Slotwise resource service' },
  });
  const { authenticate, identify } = container;
  registerResourceRoutes(app, {
    resources: container.resources,
    queries: container.queries,
    authenticate,
    identify,
  });
  registerResourceScheduleRoutes(app, { schedules: container.schedules, authenticate, identify });
  registerCategoryRoutes(app, { categories: container.categories, authenticate, identify });
  registerInternalRoutes(app, {
    snapshots: container.snapshots,
    verifier: container.serviceVerifier,
  });
  return app;
}
