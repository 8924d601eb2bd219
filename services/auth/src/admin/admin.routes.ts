import { currentUser, requireRole, type PreHandler } from '@slotwise/platform/auth';
import {
  dataOf,
  errorResponse,
  idParams,
  listOf,
  paginationQuery,
  toSkipTake,
  type HttpApp,
} from '@slotwise/platform/http';
import { userRole, userStatus } from '@slotwise/contracts';
import { z } from 'zod';
import { presentUser, publicUserSchema } from '../users/user.schemas.js';
import type { AdminService } from './admin.service.js';

const tags = ['auth: admin'];
const security = [{ bearerAuth: [] }];

export function registerAdminRoutes(
  app: HttpApp,
  deps: { admin: AdminService; authenticate: PreHandler },
): void {
  const { admin } = deps;
  const adminOnly = { preHandler: [deps.authenticate, requireRole('ADMIN')] };

  app.get(
    '/api/auth/users',
    {
      ...adminOnly,
      schema: {
        tags,
        security,
        summary: 'List users',
        querystring: z.strictObject({
          role: userRole.optional(),
          status: userStatus.optional(),
          search: z.string().trim().min(1).max(100).optional(),
          ...paginationQuery,
        }),
        response: { 200: listOf(publicUserSchema), 403: errorResponse },
      },
    },
    async (request) => {
      const { page, limit, ...filter } = request.query;
      const { items, total } = await admin.list(filter, toSkipTake({ page, limit }));
      return { data: items.map(presentUser), meta: { page, limit, total } };
    },
  );

  app.get(
    '/api/auth/users/:id',
    {
      ...adminOnly,
      schema: {
        tags,
        security,
        summary: 'One user',
        params: idParams,
        response: { 200: dataOf(publicUserSchema), 403: errorResponse, 404: errorResponse },
      },
    },
    async (request) => ({ data: presentUser(await admin.get(request.params.id)) }),
  );

  app.patch(
    '/api/auth/users/:id/status',
    {
      ...adminOnly,
      schema: {
        tags,
        security,
        summary: 'Suspend or reactivate a user; suspension ends their sessions at once',
        params: idParams,
        body: z.strictObject({ status: z.enum(['ACTIVE', 'SUSPENDED']) }),
        response: {
          200: dataOf(publicUserSchema),
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request) => ({
      data: presentUser(
        await admin.setStatus(
          currentUser(request).id,
          request.params.id,
          request.body.status,
          request.id,
        ),
      ),
    }),
  );

  app.delete(
    '/api/auth/users/:id',
    {
      ...adminOnly,
      schema: {
        tags,
        security,
        summary: 'Delete a user (soft: status DELETED)',
        params: idParams,
        response: { 204: z.null().describe('Deleted'), 403: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      await admin.delete(currentUser(request).id, request.params.id, request.id);
      return reply.status(204).send(null);
    },
  );
}
