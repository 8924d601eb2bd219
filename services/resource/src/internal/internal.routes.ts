import { resourceSnapshot } from '@slotwise/contracts';
import { requireServiceToken, type TokenVerifier } from '@slotwise/platform/auth';
import { dataOf, errorResponse, idParams, type HttpApp } from '@slotwise/platform/http';
import type { SnapshotService } from './snapshot.service.js';

const tags = ['internal'];

/** Routes for the other services only; the gateway does not route `/internal`. */
export function registerInternalRoutes(
  app: HttpApp,
  deps: { snapshots: SnapshotService; verifier: TokenVerifier },
): void {
  app.get(
    '/internal/resources/:id',
    {
      preHandler: requireServiceToken(deps.verifier, { audience: 'resource' }),
      schema: {
        tags,
        summary: 'A resource with its business, for booking (any status)',
        params: idParams,
        response: {
          200: dataOf(resourceSnapshot),
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request) => ({ data: await deps.snapshots.snapshot(request.params.id, request.id) }),
  );
}
