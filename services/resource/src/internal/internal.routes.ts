import { categoryResources, resourceSnapshot } from '@slotwise/contracts';
import { requireServiceToken, type TokenVerifier } from '@slotwise/platform/auth';
import { dataOf, errorResponse, idParams, type HttpApp } from '@slotwise/platform/http';
import type { SnapshotService } from './snapshot.service.js';

const tags = ['internal'];
const refusals = { 401: errorResponse, 403: errorResponse, 404: errorResponse };

/** Routes for the other services only; the gateway does not route `/internal`. */
export function registerInternalRoutes(
  app: HttpApp,
  deps: { snapshots: SnapshotService; verifier: TokenVerifier },
): void {
  const serviceOnly = requireServiceToken(deps.verifier, { audience: 'resource' });

  app.get(
    '/internal/resources/:id',
    {
      preHandler: serviceOnly,
      schema: {
        tags,
        summary: 'A resource with its rules, opening hours and business, for booking (any status)',
        params: idParams,
        response: { 200: dataOf(resourceSnapshot), ...refusals },
      },
    },
    async (request) => ({ data: await deps.snapshots.snapshot(request.params.id) }),
  );

  app.get(
    '/internal/categories/:id/resources',
    {
      preHandler: serviceOnly,
      schema: {
        tags,
        summary: "A category's ACTIVE resources as snapshots, oldest first (pooled booking)",
        params: idParams,
        response: { 200: dataOf(categoryResources), ...refusals },
      },
    },
    async (request) => ({ data: await deps.snapshots.ofCategory(request.params.id) }),
  );
}
