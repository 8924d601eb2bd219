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
import { z } from 'zod';
import type { BookingAction } from './booking-state.js';
import {
  bookingSchema,
  cancelBody,
  createBookingBody,
  historySchema,
  idempotencyKey,
  listQuery,
  presentBooking,
  presentHistory,
  rescheduleBody,
} from './booking.schemas.js';
import type { BookingChanges } from './booking-changes.service.js';
import type { BookingService } from './booking.service.js';

const tags = ['bookings'];
const security = [{ bearerAuth: [] }];

export function registerBookingRoutes(
  app: HttpApp,
  deps: { bookings: BookingService; changes: BookingChanges; authenticate: PreHandler },
): void {
  const { bookings, changes, authenticate } = deps;

  app.post(
    '/api/bookings',
    {
      preHandler: [authenticate, requireRole('CUSTOMER')],
      schema: {
        tags,
        security,
        summary: 'Book a time range on a resource, or on any free unit of a room type',
        description:
          'Half-open range [startTime, endTime). With `categoryId` instead of `resourceId`, the platform picks a free ACTIVE resource of that category and says which. The resource’s booking rules and opening hours apply. The same Idempotency-Key with the same body returns the first response again.',
        headers: z.object({ 'idempotency-key': idempotencyKey.optional() }),
        body: createBookingBody,
        response: {
          201: dataOf(bookingSchema),
          400: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
          422: errorResponse,
          503: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const { status, body } = await bookings.create(
        currentUser(request),
        request.body,
        request.headers['idempotency-key'],
        request.id,
      );
      // 201, or the status of the first response to this Idempotency-Key.
      return reply.status(status as 201).send(body);
    },
  );

  app.get(
    '/api/bookings',
    {
      preHandler: authenticate,
      schema: {
        tags,
        security,
        summary: 'Bookings the caller may see: their own, their business’s, or all (ADMIN)',
        querystring: z.strictObject({ ...listQuery, ...paginationQuery }),
        response: { 200: listOf(bookingSchema) },
      },
    },
    async (request) => {
      const { page, limit, sort, from, to, ...filter } = request.query;
      const { items, total } = await bookings.list(
        currentUser(request),
        {
          ...filter,
          ...(from ? { from: new Date(from) } : {}),
          ...(to ? { to: new Date(to) } : {}),
        },
        sort,
        toSkipTake({ page, limit }),
      );
      return { data: items.map(presentBooking), meta: { page, limit, total } };
    },
  );

  app.get(
    '/api/bookings/:id',
    {
      preHandler: authenticate,
      schema: {
        tags,
        security,
        summary: 'One booking',
        params: idParams,
        response: { 200: dataOf(bookingSchema), 404: errorResponse },
      },
    },
    async (request) => ({
      data: presentBooking(await bookings.get(currentUser(request), request.params.id)),
    }),
  );

  app.get(
    '/api/bookings/:id/history',
    {
      preHandler: authenticate,
      schema: {
        tags,
        security,
        summary: 'Every status change of a booking',
        params: idParams,
        response: { 200: dataOf(z.array(historySchema)), 404: errorResponse },
      },
    },
    async (request) => ({
      data: (await bookings.history(currentUser(request), request.params.id)).map(presentHistory),
    }),
  );

  const transitions: [string, BookingAction, string][] = [
    ['confirm', 'confirm', 'PENDING → CONFIRMED (business owner, ADMIN)'],
    ['check-in', 'check-in', 'CONFIRMED → IN_PROGRESS (business owner, ADMIN)'],
    ['complete', 'complete', 'IN_PROGRESS → COMPLETED (business owner, ADMIN)'],
    ['no-show', 'no-show', 'CONFIRMED → NO_SHOW after the start (business owner, ADMIN)'],
  ];
  for (const [path, action, summary] of transitions) {
    app.post(
      `/api/bookings/:id/${path}`,
      {
        preHandler: authenticate,
        schema: {
          tags,
          security,
          summary,
          params: idParams,
          response: {
            200: dataOf(bookingSchema),
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
          },
        },
      },
      async (request) => ({
        data: presentBooking(
          await changes.transition(
            currentUser(request),
            request.params.id,
            action,
            undefined,
            request.id,
          ),
        ),
      }),
    );
  }

  app.post(
    '/api/bookings/:id/cancel',
    {
      preHandler: authenticate,
      schema: {
        tags,
        security,
        summary: 'Cancel: the customer (PENDING or CONFIRMED), the business owner or ADMIN',
        params: idParams,
        body: cancelBody,
        response: {
          200: dataOf(bookingSchema),
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request) => ({
      data: presentBooking(
        await changes.transition(
          currentUser(request),
          request.params.id,
          'cancel',
          request.body.reason,
          request.id,
        ),
      ),
    }),
  );

  app.post(
    '/api/bookings/:id/reschedule',
    {
      preHandler: authenticate,
      schema: {
        tags,
        security,
        summary: 'New times for a PENDING or CONFIRMED booking (same id)',
        description:
          'The customer (until 24 hours before the start), the business owner or ADMIN. Every booking rule and the no-overlap guarantee apply; on any refusal the booking is unchanged. A booking made on a room type may move to another unit of it.',
        params: idParams,
        body: rescheduleBody,
        response: {
          200: dataOf(bookingSchema),
          400: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
          422: errorResponse,
          503: errorResponse,
        },
      },
    },
    async (request) => ({
      data: presentBooking(
        await changes.reschedule(currentUser(request), request.params.id, request.body, request.id),
      ),
    }),
  );
}
