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
import {
  categoryInput,
  categoryListQuery,
  categoryPatch,
  categorySchema,
  presentCategory,
} from './category.schemas.js';
import type { CategoryService } from './category.service.js';

const tags = ['resources: categories'];
const security = [{ bearerAuth: [] }];
/** The catalog is public; a token, when there is one, shows the owner or an ADMIN more. */
const publicSecurity: Record<string, string[]>[] = [{}, { bearerAuth: [] }];

export function registerCategoryRoutes(
  app: HttpApp,
  deps: { categories: CategoryService; authenticate: PreHandler; identify: PreHandler },
): void {
  const { categories } = deps;
  const user = [deps.authenticate];
  const anyone = [deps.identify];
  const manager = [...user, requireRole('VENDOR', 'ADMIN')];

  app.post(
    '/api/resources/categories',
    {
      preHandler: [...user, requireRole('VENDOR')],
      schema: {
        tags,
        security,
        summary: 'Add a category to your business (any status but DELETED)',
        body: categoryInput,
        response: {
          201: dataOf(categorySchema),
          403: errorResponse,
          409: errorResponse,
          422: errorResponse,
          503: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const created = await categories.create(callerOf(request), request.body, request.id);
      return reply.status(201).send({ data: presentCategory(created) });
    },
  );

  app.get(
    '/api/resources/categories',
    {
      preHandler: anyone,
      schema: {
        tags,
        security: publicSecurity,
        summary: "A business's categories, by name (public)",
        querystring: categoryListQuery,
        response: { 200: listOf(categorySchema), 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => {
      const { page, limit, businessId } = request.query;
      const { items, total } = await categories.list(
        viewerOf(request),
        businessId,
        toSkipTake({ page, limit }),
      );
      return { data: items.map(presentCategory), meta: { page, limit, total } };
    },
  );

  app.get(
    '/api/resources/categories/:id',
    {
      preHandler: anyone,
      schema: {
        tags,
        security: publicSecurity,
        summary: 'One category (public)',
        params: idParams,
        response: { 200: dataOf(categorySchema), 404: errorResponse },
      },
    },
    async (request) => ({
      data: presentCategory(await categories.get(viewerOf(request), request.params.id)),
    }),
  );

  app.patch(
    '/api/resources/categories/:id',
    {
      preHandler: manager,
      schema: {
        tags,
        security,
        summary: 'Rename or describe a category (owner, ADMIN)',
        params: idParams,
        body: categoryPatch,
        response: {
          200: dataOf(categorySchema),
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request) => ({
      data: presentCategory(
        await categories.update(callerOf(request), request.params.id, request.body),
      ),
    }),
  );

  app.delete(
    '/api/resources/categories/:id',
    {
      preHandler: manager,
      schema: {
        tags,
        security,
        summary: 'Delete a category no resource uses any more (owner, ADMIN)',
        params: idParams,
        response: {
          204: z.null().describe('Deleted'),
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request, reply) => {
      await categories.delete(callerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
