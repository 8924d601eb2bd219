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
import type { Caller, Viewer } from './business.types.js';

export const tags = ['businesses'];
export const security = [{ bearerAuth: [] }];
/** The public catalog: no token needed (`{}`), and one that is sent is checked. */
export const publicSecurity: Record<string, string[]>[] = [{}, { bearerAuth: [] }];

export interface BusinessRouteDeps {
  businesses: BusinessService;
  authenticate: PreHandler;
  /** `authenticate` that lets a request without any token through as an anonymous visitor. */
  authenticateOptional: PreHandler;
}

/** The signed-in person; the guards in front of every route have already refused SERVICE. */
export function callerOf(request: FastifyRequest): Caller {
  const { id, role } = currentUser(request);
  if (role === 'SERVICE') throw forbidden('This endpoint is for users');
  return { id, role };
}

/** The reader of a public route: the signed-in person, or null for an anonymous visitor. */
export function viewerOf(request: FastifyRequest): Viewer {
  return request.user ? callerOf(request) : null;
}

/** Service tokens belong on /internal routes: the public ones refuse them like the others. */
const notAService: PreHandler = async (request) => {
  if (request.user?.role === 'SERVICE') throw forbidden('This endpoint is for users');
};

/**
 * Anyone, signed in or not: no token is an anonymous visitor, a bad token is still a 401 (a
 * client with an expired session learns it instead of silently seeing less).
 */
export const anyone = (authenticateOptional: PreHandler): { preValidation: PreHandler[] } => ({
  preValidation: [authenticateOptional, notAService],
});

export function registerBusinessRoutes(app: HttpApp, deps: BusinessRouteDeps): void {
  const { businesses, authenticate, authenticateOptional } = deps;
  const badToken = errorResponse.describe('A token was sent and is not valid');

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
      ...anyone(authenticateOptional),
      schema: {
        tags,
        security: publicSecurity,
        summary: 'List businesses (public); everyone but admins sees ACTIVE ones only',
        querystring: listBusinessesQuery,
        response: {
          200: listOf(businessSchema),
          400: errorResponse,
          401: badToken,
          403: errorResponse,
        },
      },
    },
    async (request) => {
      const { page, limit, sort, ...filter } = request.query;
      const { items, total } = await businesses.list(
        viewerOf(request),
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
      ...anyone(authenticateOptional),
      schema: {
        tags,
        security: publicSecurity,
        summary:
          'One business (public); one that is not ACTIVE is visible to its owner and admins only',
        params: idParams,
        response: {
          200: dataOf(businessSchema),
          400: errorResponse,
          401: badToken,
          404: errorResponse,
        },
      },
    },
    async (request) => ({
      data: presentBusiness(await businesses.get(viewerOf(request), request.params.id)),
    }),
  );
}
