import { scheduleInput, scheduleOverride, weeklyHours } from '@slotwise/contracts';
import { requireRole, type PreHandler } from '@slotwise/platform/auth';
import { dataOf, errorResponse, idParams, type HttpApp } from '@slotwise/platform/http';
import { z } from 'zod';
import { callerOf, viewerOf } from '../access/caller-of.js';
import type { ResourceScheduleService } from './resource-schedule.service.js';

const tags = ['resources: schedules'];
const security = [{ bearerAuth: [] }];
const refusals = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

export const resourceScheduleSchema = z
  .object({
    timezone: z.string().describe("The business's IANA time zone: the times are wall-clock there"),
    weekly: weeklyHours.nullable().describe('null: open around the clock'),
    overrides: z.array(scheduleOverride),
    inherited: z
      .boolean()
      .describe("true: the resource has none of its own; this is its business's"),
  })
  .meta({ id: 'ResourceSchedule' });

export function registerResourceScheduleRoutes(
  app: HttpApp,
  deps: { schedules: ResourceScheduleService; authenticate: PreHandler; identify: PreHandler },
): void {
  const { schedules } = deps;
  const manager = [deps.authenticate, requireRole('VENDOR', 'ADMIN')];

  app.get(
    '/api/resources/:id/schedule',
    {
      preHandler: [deps.identify],
      schema: {
        tags,
        security: [{}, ...security] as Record<string, string[]>[],
        summary:
          "A resource's opening hours: its own, else its business's (public, as the resource)",
        params: idParams,
        response: { 200: dataOf(resourceScheduleSchema), ...refusals },
      },
    },
    async (request) => ({ data: await schedules.get(viewerOf(request), request.params.id) }),
  );

  app.put(
    '/api/resources/:id/schedule',
    {
      preHandler: manager,
      schema: {
        tags,
        security,
        summary: "Give a resource its own opening hours, replacing its business's for it",
        description:
          '`weekly`: MON…SUN, each a sorted list of non-overlapping ["HH:MM","HH:MM"] intervals ' +
          "(an absent day is closed; null: open around the clock). `overrides` replace a date's " +
          'intervals ([] closes it). Existing bookings are not touched.',
        params: idParams,
        body: scheduleInput,
        response: { 200: dataOf(resourceScheduleSchema), ...refusals },
      },
    },
    async (request) => ({
      data: await schedules.replace(callerOf(request), request.params.id, request.body, request.id),
    }),
  );

  app.delete(
    '/api/resources/:id/schedule',
    {
      preHandler: manager,
      schema: {
        tags,
        security,
        summary: "Remove a resource's own opening hours: it follows its business's again",
        params: idParams,
        response: { 204: z.null().describe('Removed'), ...refusals },
      },
    },
    async (request, reply) => {
      await schedules.remove(callerOf(request), request.params.id, request.id);
      return reply.status(204).send(null);
    },
  );
}
