import { requireRole, type PreHandler } from '@slotwise/platform/auth';
import {
  dataOf,
  errorResponse,
  idParams,
  listOf,
  toSkipTake,
  type HttpApp,
} from '@slotwise/platform/http';
import { z } from 'zod';
import { callerOf, viewerOf } from '../access/caller-of.js';
import type { ResourceQueryService } from './resource-query.service.js';
import {
  bulkInput,
  listQuery,
  presentResource,
  resourceInput,
  resourcePatch,
  resourceSchema,
  statsQuery,
  statsSchema,
  statusBody,
} from './resource.schemas.js';
import type { ResourceService } from './resource.service.js';

const tags = ['resources'];
const security = [{ bearerAuth: [] }];
/** The catalog is public; a token, when there is one, shows the owner or an ADMIN more. */
const publicSecurity: Record<string, string[]>[] = [{}, { bearerAuth: [] }];
const refusals = { 400: errorResponse, 403: errorResponse, 404: errorResponse };
const creationRefusals = {
  400: errorResponse,
  403: errorResponse,
  422: errorResponse,
  503: errorResponse,
};

export function registerResourceRoutes(
  app: HttpApp,
  deps: {
    resources: ResourceService;
    queries: ResourceQueryService;
    authenticate: PreHandler;
    identify: PreHandler;
  },
): void {
  const { resources, queries } = deps;
  const user = [deps.authenticate];
  const anyone = [deps.identify];
  const manager = [...user, requireRole('VENDOR', 'ADMIN')];
  const vendor = [...user, requireRole('VENDOR')];

  app.post(
    '/api/resources',
    {
      preHandler: vendor,
      schema: {
        tags,
        security,
        summary: 'Publish a resource in your business (ACTIVE and verified)',
        description:
          "The business is always the caller's own. `categoryId` must be a category of it (else 422 INVALID_CATEGORY).",
        body: resourceInput,
        response: { 201: dataOf(resourceSchema), ...creationRefusals },
      },
    },
    async (request, reply) => {
      const created = await resources.create(callerOf(request), request.body, request.id);
      return reply.status(201).send({ data: presentResource(created) });
    },
  );

  app.post(
    '/api/resources/bulk',
    {
      preHandler: vendor,
      schema: {
        tags,
        security,
        summary: 'Publish up to 100 resources at once, all or nothing',
        description:
          'A refused item is named by its index (`body.resources.<i>...` or `details.index`).',
        body: bulkInput,
        response: { 201: dataOf(z.array(resourceSchema)), ...creationRefusals },
      },
    },
    async (request, reply) => {
      const created = await resources.createMany(
        callerOf(request),
        request.body.resources,
        request.id,
      );
      return reply.status(201).send({ data: created.map(presentResource) });
    },
  );

  app.get(
    '/api/resources',
    {
      preHandler: anyone,
      schema: {
        tags,
        security: publicSecurity,
        summary: 'Find resources (public)',
        description:
          'Others than the owner and ADMIN (anonymous visitors too) see only ACTIVE resources of ACTIVE, verified businesses. ' +
          'DELETED ones are listed only when `status=DELETED` is asked (owner, ADMIN). ' +
          '`search` matches the name, case-insensitively. Default order: newest first.',
        querystring: listQuery,
        response: { 200: listOf(resourceSchema), 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => {
      const { page, limit, sort, ...filter } = request.query;
      const { items, total } = await queries.list(
        viewerOf(request),
        filter,
        sort,
        toSkipTake({ page, limit }),
      );
      return { data: items.map(presentResource), meta: { page, limit, total } };
    },
  );

  app.get(
    '/api/resources/stats',
    {
      preHandler: manager,
      schema: {
        tags,
        security,
        summary: "Counts and prices of a business's resources (DELETED excluded)",
        description:
          'A vendor may leave `businessId` out for their own business; an ADMIN without it gets the whole platform.',
        querystring: statsQuery,
        response: { 200: dataOf(statsSchema), ...refusals },
      },
    },
    async (request) => ({
      data: await queries.stats(callerOf(request), request.query.businessId, request.id),
    }),
  );

  app.get(
    '/api/resources/:id',
    {
      preHandler: anyone,
      schema: {
        tags,
        security: publicSecurity,
        summary: 'One resource (public, visible as in the list)',
        params: idParams,
        response: { 200: dataOf(resourceSchema), ...refusals, 401: errorResponse },
      },
    },
    async (request) => ({
      data: presentResource(await resources.get(viewerOf(request), request.params.id)),
    }),
  );

  app.patch(
    '/api/resources/:id',
    {
      preHandler: manager,
      schema: {
        tags,
        security,
        summary:
          'Change a resource (owner, ADMIN); metadata is replaced whole, bookingRules are merged',
        params: idParams,
        body: resourcePatch,
        response: { 200: dataOf(resourceSchema), ...refusals, 422: errorResponse },
      },
    },
    async (request) => ({
      data: presentResource(
        await resources.update(callerOf(request), request.params.id, request.body, request.id),
      ),
    }),
  );

  app.patch(
    '/api/resources/:id/status',
    {
      preHandler: manager,
      schema: {
        tags,
        security,
        summary: 'Take a resource in or out of service (owner, ADMIN)',
        params: idParams,
        body: statusBody,
        response: { 200: dataOf(resourceSchema), ...refusals },
      },
    },
    async (request) => ({
      data: presentResource(
        await resources.setStatus(
          callerOf(request),
          request.params.id,
          request.body.status,
          request.id,
        ),
      ),
    }),
  );

  app.delete(
    '/api/resources/:id',
    {
      preHandler: manager,
      schema: {
        tags,
        security,
        summary: 'Delete a resource (soft: status DELETED); a DELETED one is 404 to every change',
        params: idParams,
        response: { 204: z.null().describe('Deleted'), ...refusals },
      },
    },
    async (request, reply) => {
      await resources.delete(callerOf(request), request.params.id, request.id);
      return reply.status(204).send(null);
    },
  );
}
