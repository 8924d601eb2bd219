import { scheduleInput } from '@slotwise/contracts';
import { requireRole, type PreHandler } from '@slotwise/platform/auth';
import { dataOf, errorResponse, idParams, type HttpApp } from '@slotwise/platform/http';
import { z } from 'zod';
import {
  anyone,
  callerOf,
  publicSecurity,
  security,
  tags,
  viewerOf,
} from '../businesses/business.routes.js';
import { openingHoursSchema, presentOpeningHours } from './schedule.schemas.js';
import type { ScheduleService } from './schedule.service.js';

export interface ScheduleRouteDeps {
  schedules: ScheduleService;
  authenticate: PreHandler;
  authenticateOptional: PreHandler;
}

/**
 * A business's opening hours (API.md, Schedules): public to read, as the business itself is;
 * replaced or removed by its owner or an admin, with the refusals of PATCH /:id.
 */
export function registerScheduleRoutes(app: HttpApp, deps: ScheduleRouteDeps): void {
  const { schedules, authenticate, authenticateOptional } = deps;
  // Customers own no business: refused before the lookup, whatever the id or body.
  const ownerOrAdmin = { preValidation: [authenticate, requireRole('VENDOR', 'ADMIN')] };
  const refusals = {
    400: errorResponse,
    401: errorResponse,
    403: errorResponse,
    404: errorResponse,
    409: errorResponse,
  };

  app.get(
    '/api/businesses/:id/schedule',
    {
      ...anyone(authenticateOptional),
      schema: {
        tags,
        security: publicSecurity,
        summary:
          'The business’s opening hours (public, as the business is); weekly null: always open',
        params: idParams,
        response: {
          200: dataOf(openingHoursSchema),
          400: errorResponse,
          401: errorResponse.describe('A token was sent and is not valid'),
          404: errorResponse,
        },
      },
    },
    async (request) => ({
      data: presentOpeningHours(await schedules.get(viewerOf(request), request.params.id)),
    }),
  );

  app.put(
    '/api/businesses/:id/schedule',
    {
      ...ownerOrAdmin,
      schema: {
        tags,
        security,
        summary: 'Replace the opening hours (owner or admin); existing bookings are not touched',
        params: idParams,
        body: scheduleInput,
        response: { 200: dataOf(openingHoursSchema), ...refusals },
      },
    },
    async (request) => ({
      data: presentOpeningHours(
        await schedules.replace(callerOf(request), request.params.id, request.body, request.id),
      ),
    }),
  );

  app.delete(
    '/api/businesses/:id/schedule',
    {
      ...ownerOrAdmin,
      schema: {
        tags,
        security,
        summary: 'Remove the opening hours: open around the clock again (owner or admin)',
        params: idParams,
        response: { 204: z.null().describe('Open around the clock'), ...refusals },
      },
    },
    async (request, reply) => {
      await schedules.remove(callerOf(request), request.params.id, request.id);
      return reply.status(204).send(null);
    },
  );
}
