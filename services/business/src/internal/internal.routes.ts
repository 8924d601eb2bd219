import { versionedBusiness } from '@slotwise/contracts';
import { requireServiceToken, type TokenVerifier } from '@slotwise/platform/auth';
import { dataOf, errorResponse, idParams, type HttpApp } from '@slotwise/platform/http';
import { z } from 'zod';
import type { BusinessService } from '../businesses/business.service.js';

const tags = ['internal'];

/**
 * Routes for the other services only (the gateway does not route `/internal`): a service token
 * minted for the business service, nothing else. Any status is answered, DELETED included; the
 * caller decides with `isBusinessBookable`.
 */
export function registerInternalRoutes(
  app: HttpApp,
  deps: { businesses: BusinessService; verifier: TokenVerifier },
): void {
  const serviceOnly = {
    preValidation: requireServiceToken(deps.verifier, { audience: 'business' }),
  };
  const response = {
    200: dataOf(versionedBusiness),
    400: errorResponse,
    401: errorResponse,
    403: errorResponse,
    404: errorResponse,
  };

  app.get(
    '/internal/businesses/:id',
    {
      ...serviceOnly,
      schema: { tags, summary: 'A business’s summary, by id', params: idParams, response },
    },
    async (request) => ({ data: await deps.businesses.summaryById(request.params.id) }),
  );

  app.get(
    '/internal/businesses/by-owner/:ownerId',
    {
      ...serviceOnly,
      schema: {
        tags,
        summary: 'The summary of a vendor’s business (resource checks it on create)',
        params: z.object({ ownerId: z.uuid() }),
        response,
      },
    },
    async (request) => ({ data: await deps.businesses.summaryByOwner(request.params.ownerId) }),
  );
}
