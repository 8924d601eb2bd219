import { currentUser, requireRole, type PreHandler } from '@slotwise/platform/auth';
import { forbidden } from '@slotwise/platform/errors';
import {
  dataOf,
  errorResponse,
  idParams,
  listOf,
  toSkipTake,
  type HttpApp,
} from '@slotwise/platform/http';
import type { FastifyRequest } from 'fastify';
import {
  businessSchema,
  createBusinessBody,
  listBusinessesQuery,
  presentBusiness,
} from './business.schemas.js';
import type { BusinessService } from './business.service.js';
import type { Caller } from './business.types.js';

export const tags = ['businesses'];
export const security = [{ bearerAuth: [] }];

export interface BusinessRouteDeps {
  businesses: BusinessService;
  authenticate: PreHandler;
}

/** The signed-in person; the guards in front of every route have already refused SERVICE. */
export function callerOf(request: FastifyRequest): Caller {
  const { id, role } = currentUser(request);
  if (role === 'SERVICE') throw forbidden('This endpoint is for users');
  return { id, role };
}

/**
 * Any signed-in person: service tokens belong on /internal routes. Guards run as preValidation,
 * before the schemas, so a caller who may not use a route learns nothing of its body's rules.
 */
export const anyUser = (authenticate: PreHandler): { preValidation: PreHandler[] } => ({
  preValidation: [authenticate, requireRole('CUSTOMER', 'VENDOR', 'ADMIN')],
});

export function registerBusinessRoutes(app: HttpApp, deps: BusinessRouteDeps): void {
  const { businesses, authenticate } = deps;

  app.post(
    '/api/businesses',
    {
      preValidation: [authenticate, requireRole('VENDOR')],
      schema: {
        tags,
        security,
        summary: 'Create the vendor’s business (one per vendor); it starts PENDING verification',
        body: createBusinessBody,
        response: {
          201: dataOf(businessSchema),
          400: errorResponse,
          403: errorResponse,
          409: errorResponse.describe('VENDOR_ALREADY_HAS_BUSINESS'),
        },
      },
    },
    async (request, reply) => {
      const business = await businesses.create(callerOf(request), request.body, request.id);
      return reply.status(201).send({ data: presentBusiness(business) });
    },
  );

  app.get(
    '/api/businesses',
    {
      ...anyUser(authenticate),
      schema: {
        tags,
        security,
        summary: 'List businesses; non-admins see ACTIVE ones only',
        querystring: listBusinessesQuery,
        response: { 200: listOf(businessSchema), 400: errorResponse, 403: errorResponse },
      },
    },
    async (request) => {
      const { page, limit, sort, ...filter } = request.query;
      const { items, total } = await businesses.list(
        callerOf(request),
        filter,
        sort,
        toSkipTake({ page, limit }),
      );
      return { data: items.map(presentBusiness), meta: { page, limit, total } };
    },
  );

  app.get(
    '/api/businesses/me',
    {
      preValidation: [authenticate, requireRole('VENDOR')],
      schema: {
        tags,
        security,
        summary: 'The signed-in vendor’s business, whatever its status',
        response: { 200: dataOf(businessSchema), 403: errorResponse, 404: errorResponse },
      },
    },
    async (request) => ({ data: presentBusiness(await businesses.mine(callerOf(request))) }),
  );

  app.get(
    '/api/businesses/:id',
    {
      ...anyUser(authenticate),
      schema: {
        tags,
        security,
        summary: 'One business; one that is not ACTIVE is visible to its owner and admins only',
        params: idParams,
        response: { 200: dataOf(businessSchema), 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => ({
      data: presentBusiness(await businesses.get(callerOf(request), request.params.id)),
    }),
  );
}
