import { createHttpApp, type HttpApp } from '@slotwise/platform/http';
import { registerBusinessChangeRoutes } from './businesses/business-change.routes.js';
import { registerBusinessRoutes } from './businesses/business.routes.js';
import type { Container } from './container.js';
import { registerInternalRoutes } from './internal/internal.routes.js';
import { registerScheduleRoutes } from './schedules/schedule.routes.js';

/** The business service's HTTP app, without listening: tests build it in-process. */
export async function buildApp(container: Container): Promise<HttpApp> {
  const app = await createHttpApp({
    service: 'business',
    logger: container.logger,
    readinessChecks: container.readinessChecks,
    metrics: container.metrics,
    openapi: { title: 'Slotwise business service' },
  });
  const guards = {
    authenticate: container.authenticate,
    authenticateOptional: container.authenticateOptional,
  };
  const deps = { businesses: container.businesses, ...guards };
  registerBusinessRoutes(app, deps);
  registerBusinessChangeRoutes(app, deps);
  registerScheduleRoutes(app, { schedules: container.schedules, ...guards });
  registerInternalRoutes(app, {
    businesses: container.businesses,
    verifier: container.serviceVerifier,
  });
  return app;
}
