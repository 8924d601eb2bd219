import type { PreHandler } from '@slotwise/platform/auth';
import { dataOf, errorResponse, trustedResponse, type HttpApp } from '@slotwise/platform/http';
import type { Span } from '../rules/opening-hours.js';
import { availabilitySchema, availabilityQuery } from '../bookings/booking.schemas.js';
import type { AvailabilityService } from './availability.service.js';

const present = (span: Span) => ({
  startTime: new Date(span.start).toISOString(),
  endTime: new Date(span.end).toISOString(),
});

export function registerAvailabilityRoutes(
  app: HttpApp,
  deps: { availability: AvailabilityService; authenticateOptional: PreHandler },
): void {
  app.get(
    '/api/bookings/availability',
    {
      // Public (the catalog): a visitor sees what is free before signing up; nothing in the
      // answer names a customer.
      preHandler: deps.authenticateOptional,
      ...trustedResponse,
      schema: {
        tags: ['bookings'],
        summary:
          'Open, busy and free time of a resource or a room type in a window (at most 93 days)',
        querystring: availabilityQuery,
        response: { 200: dataOf(availabilitySchema), 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const { resourceId, categoryId, from, to, slotMinutes } = request.query;
      const result = await deps.availability.availability(
        { resourceId, categoryId },
        new Date(from),
        new Date(to),
        slotMinutes,
        request.id,
      );
      return {
        data: {
          timezone: result.timezone,
          open: result.open.map(present),
          busy: result.busy.map(present),
          free: result.free.map((slot) => ({ ...present(slot), available: slot.available })),
        },
      };
    },
  );
}
