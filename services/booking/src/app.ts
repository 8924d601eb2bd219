import { createHttpApp, type HttpApp } from '@slotwise/platform/http';
import { registerAvailabilityRoutes } from './availability/availability.routes.js';
import { registerBookingRoutes } from './bookings/booking.routes.js';
import type { Container } from './container.js';

/** The booking service's HTTP app, without listening: tests build it in-process. */
export async function buildApp(container: Container): Promise<HttpApp> {
  const app = await createHttpApp({
    service: 'booking',
    logger: container.logger,
    readinessChecks: container.readinessChecks,
    metrics: container.metrics,
    openapi: { title: 'Slotwise booking service' },
  });
  // Registered before /:id so "availability" is never read as a booking id.
  registerAvailabilityRoutes(app, {
    availability: container.availability,
    authenticateOptional: container.authenticateOptional,
  });
  registerBookingRoutes(app, {
    bookings: container.bookings,
    changes: container.changes,
    authenticate: container.authenticate,
  });
  return app;
}
