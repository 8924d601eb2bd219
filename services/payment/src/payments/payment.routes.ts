import { currentUser, requireRole, type PreHandler } from '@slotwise/platform/auth';
import {
  dataOf,
  errorResponse,
  idParams,
  listOf,
  toSkipTake,
  type HttpApp,
} from '@slotwise/platform/http';
import type { FastifyRequest } from 'fastify';
import type { CheckoutService } from '../checkout/checkout.service.js';
import type { RefundService } from '../refunds/refund.service.js';
import {
  listPaymentsQuery,
  noBody,
  paymentSchema,
  presentPayment,
  refundBody,
  simulateBody,
} from './payment.schemas.js';
import type { PaymentService } from './payment.service.js';
import type { Caller } from './payment.types.js';

const tags = ['payments'];
const security = [{ bearerAuth: [] }];

export interface PaymentRouteDeps {
  payments: PaymentService;
  refunds: RefundService;
  checkout: CheckoutService;
  authenticate: PreHandler;
}

/** The signed-in person; `requireRole` in front of every route has already refused SERVICE. */
function callerOf(request: FastifyRequest): Caller {
  const { id, role } = currentUser(request);
  return { id, role: role as Caller['role'] };
}

export function registerPaymentRoutes(app: HttpApp, deps: PaymentRouteDeps): void {
  const { payments, refunds, checkout } = deps;
  // 401 without a valid token, 403 for a service token: before the input is validated.
  const people = { preValidation: [deps.authenticate, requireRole('CUSTOMER', 'VENDOR', 'ADMIN')] };
  const refusals = {
    400: errorResponse,
    401: errorResponse,
    403: errorResponse,
    404: errorResponse.describe('No such payment, or not one the caller may see'),
  };

  app.get(
    '/api/payments',
    {
      ...people,
      schema: {
        tags,
        security,
        summary: 'Payments the caller may see: their own, their business’s, or all (ADMIN)',
        querystring: listPaymentsQuery,
        response: {
          200: listOf(paymentSchema),
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
        },
      },
    },
    async (request) => {
      const { page, limit, ...filter } = request.query;
      const { items, total } = await payments.list(
        callerOf(request),
        filter,
        toSkipTake({ page, limit }),
      );
      return { data: items.map(presentPayment), meta: { page, limit, total } };
    },
  );

  app.get(
    '/api/payments/:id',
    {
      ...people,
      schema: {
        tags,
        security,
        summary: 'One payment, with its attempts',
        params: idParams,
        response: { 200: dataOf(paymentSchema), ...refusals },
      },
    },
    async (request) => ({
      data: presentPayment(await payments.get(callerOf(request), request.params.id)),
    }),
  );

  app.post(
    '/api/payments/:id/retry',
    {
      ...people,
      schema: {
        tags,
        security,
        summary: 'A FAILED payment gets a fresh checkoutUrl and is PENDING again (customer, ADMIN)',
        params: idParams,
        body: noBody,
        response: {
          202: dataOf(paymentSchema),
          ...refusals,
          409: errorResponse.describe(
            'INVALID_STATUS_TRANSITION: not FAILED, or its booking was cancelled',
          ),
          503: errorResponse.describe('The provider cannot be reached'),
        },
      },
    },
    async (request, reply) => {
      const payment = await payments.retry(callerOf(request), request.params.id, request.id);
      return reply.status(202).send({ data: presentPayment(payment) });
    },
  );

  app.post(
    '/api/payments/:id/refund',
    {
      ...people,
      schema: {
        tags,
        security,
        summary: 'Refund all or part of a paid payment (business owner, ADMIN)',
        description:
          'Never more than is left: the amount paid less what was refunded or is being refunded ' +
          '(422 REFUND_EXCEEDS_PAYMENT). Only a SUCCEEDED or PARTIALLY_REFUNDED payment (409).',
        params: idParams,
        body: refundBody,
        response: {
          200: dataOf(paymentSchema),
          ...refusals,
          409: errorResponse.describe('INVALID_STATUS_TRANSITION'),
          422: errorResponse.describe('REFUND_EXCEEDS_PAYMENT, PROVIDER_REFUSED'),
          503: errorResponse.describe('No answer from the provider: the refund is completed later'),
        },
      },
    },
    async (request) => ({
      data: presentPayment(
        await refunds.refund(callerOf(request), request.params.id, request.body, request.id),
      ),
    }),
  );

  app.post(
    '/api/payments/:id/simulate',
    {
      ...people,
      schema: {
        tags,
        security,
        summary: 'Simulated provider only: pay or decline as on the checkout page (the customer)',
        params: idParams,
        body: simulateBody,
        response: {
          200: dataOf(paymentSchema),
          ...refusals,
          409: errorResponse.describe('Not PENDING, expired, cancelled, or not simulated'),
        },
      },
    },
    async (request) => ({
      data: presentPayment(
        await checkout.simulate(callerOf(request), request.params.id, request.body.outcome),
      ),
    }),
  );
}
