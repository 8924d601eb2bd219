import type { PreHandler } from '@slotwise/platform/auth';
import { dataOf, errorResponse, type HttpApp } from '@slotwise/platform/http';
import { availabilitySchema, availabilityQuery } from '../bookings/booking.schemas.js';
import type { AvailabilityService, TimeRange } from './availability.service.js';

const present = (range: TimeRange) => ({
  startTime: range.startTime.toISOString(),
  endTime: range.endTime.toISOString(),
});

export function registerAvailabilityRoutes(
  app: HttpApp,
  deps: { availability: AvailabilityService; authenticate: PreHandler },
): void {
  app.get(
    '/api/bookings/availability',
    {
      preHandler: deps.authenticate,
      schema: {
        tags: ['bookings'],
        security: [{ bearerAuth: [] }],
        summary:
          'Busy ranges of a resource in a window (at most 93 days), and free slots of a length',
        querystring: availabilityQuery,
        response: { 200: dataOf(availabilitySchema), 400: errorResponse },
      },
    },
    async (request) => {
      const { resourceId, from, to, slotMinutes } = request.query;
      const result = await deps.availability.availability(
        resourceId,
        new Date(from),
        new Date(to),
        slotMinutes,
      );
      return {
        data: {
          busy: result.busy.map(present),
          ...(result.free ? { free: result.free.map(present) } : {}),
        },
      };
    },
  );
}
