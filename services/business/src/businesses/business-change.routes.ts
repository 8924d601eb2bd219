import { requireRole } from '@slotwise/platform/auth';
import { dataOf, errorResponse, idParams, type HttpApp } from '@slotwise/platform/http';
import { z } from 'zod';
import { callerOf, security, tags, type BusinessRouteDeps } from './business.routes.js';
import {
  businessSchema,
  presentBusiness,
  setStatusBody,
  updateBusinessBody,
} from './business.schemas.js';

/**
 * The routes that change a business. A caller who cannot see the business gets 404; one who sees
 * it but may not change it, 403; a change the business's state does not allow, 409.
 */
export function registerBusinessChangeRoutes(app: HttpApp, deps: BusinessRouteDeps): void {
  const { businesses, authenticate } = deps;
  // Customers own no business: refused before the lookup, whatever the id.
  const ownerOrAdmin = { preValidation: [authenticate, requireRole('VENDOR', 'ADMIN')] };
  const refusals = {
    400: errorResponse,
    403: errorResponse,
    404: errorResponse,
    409: errorResponse,
  };

  app.patch(
    '/api/businesses/:id',
    {
      ...ownerOrAdmin,
      schema: {
        tags,
        security,
        summary: 'Edit the business’s profile and payment settings (owner or admin)',
        description:
          'Only the fields sent change. `cancellationPolicy` is the exception inside its object: ' +
          'it is replaced whole, a key left out taking its default.',
        params: idParams,
        body: updateBusinessBody,
        response: { 200: dataOf(businessSchema), ...refusals },
      },
    },
    async (request) => ({
      data: presentBusiness(
        await businesses.update(callerOf(request), request.params.id, request.body, request.id),
      ),
    }),
  );

  app.patch(
    '/api/businesses/:id/status',
    {
      ...ownerOrAdmin,
      schema: {
        tags,
        security,
        summary:
          'Change the status: the owner switches ACTIVE ↔ INACTIVE once verified; admins any',
        params: idParams,
        body: setStatusBody,
        response: { 200: dataOf(businessSchema), ...refusals },
      },
    },
    async (request) => ({
      data: presentBusiness(
        await businesses.setStatus(
          callerOf(request),
          request.params.id,
          request.body.status,
          request.id,
        ),
      ),
    }),
  );

  app.patch(
    '/api/businesses/:id/verify',
    {
      preValidation: [authenticate, requireRole('ADMIN')],
      schema: {
        tags,
        security,
        summary: 'Verify a PENDING business: it becomes ACTIVE (admin)',
        params: idParams,
        // No body is needed; one that tries to set anything is refused like everywhere else.
        body: z.strictObject({}).nullish(),
        response: { 200: dataOf(businessSchema), ...refusals },
      },
    },
    async (request) => ({
      data: presentBusiness(
        await businesses.verify(callerOf(request), request.params.id, request.id),
      ),
    }),
  );

  app.delete(
    '/api/businesses/:id',
    {
      ...ownerOrAdmin,
      schema: {
        tags,
        security,
        summary: 'Delete the business (soft: status DELETED, final)',
        params: idParams,
        response: { 204: z.null().describe('Deleted'), ...refusals },
      },
    },
    async (request, reply) => {
      await businesses.delete(callerOf(request), request.params.id, request.id);
      return reply.status(204).send(null);
    },
  );
}
