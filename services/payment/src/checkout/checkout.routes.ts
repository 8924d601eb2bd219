import { randomBytes } from 'node:crypto';
import type { HttpApp } from '@slotwise/platform/http';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { contentSecurityPolicy, renderCheckoutPage, renderMissingPage } from './checkout-page.js';
import type { CheckoutService, CheckoutView } from './checkout.service.js';

const tags = ['payments'];
const params = z.object({
  sessionRef: z.string().min(1).max(100).describe('The checkout session (from `checkoutUrl`)'),
});
const html = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string() } },
});
const missing = html('No such checkout session (an HTML page saying so)');

/** An HTML page with its own policy: the URL is a capability, so it is neither cached nor leaked. */
function sendPage(reply: FastifyReply, status: number, render: (nonce: string) => string) {
  const nonce = randomBytes(16).toString('base64');
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', contentSecurityPolicy(nonce))
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(render(nonce));
}

const show = (reply: FastifyReply, view: CheckoutView | null, action: string) =>
  view
    ? sendPage(reply, 200, (nonce) => renderCheckoutPage(view, nonce, action))
    : sendPage(reply, 404, renderMissingPage);

/**
 * The simulated provider's checkout page (public: its URL is the capability; the gateway lets it
 * through without a token). Its form posts here as `application/x-www-form-urlencoded`, which
 * only this scope parses; JSON (`{"action": "pay"}`) works too. A post answers 303 to the page,
 * so a reload does not post again.
 */
export async function registerCheckoutRoutes(
  app: HttpApp,
  deps: { checkout: CheckoutService },
): Promise<void> {
  await app.register(async (scope: HttpApp) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4_096 },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );

    scope.get(
      '/api/payments/checkout/:sessionRef',
      {
        schema: {
          tags,
          security: [],
          summary:
            'The simulated provider’s checkout page (HTML): amount, business, Pay and Decline',
          params,
          response: { 200: html('The checkout page'), 404: missing },
        },
      },
      async (request, reply) => {
        const path = request.url.split('?')[0]!;
        return show(reply, await deps.checkout.view(request.params.sessionRef), path);
      },
    );

    scope.post(
      '/api/payments/checkout/:sessionRef',
      {
        schema: {
          tags,
          security: [],
          summary: 'Pay or Decline on the simulated checkout page; 303 back to the page',
          description:
            'The page’s form posts `action=pay` or `action=decline` (form-encoded or JSON). The ' +
            'simulated provider then reports the outcome through the webhook path.',
          params,
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          body: z.strictObject({ action: z.enum(['pay', 'decline']) }),
          response: {
            303: z.null().describe('Done: back to the page (`Location`), which shows the outcome'),
            404: missing,
          },
        },
      },
      async (request, reply) => {
        const path = request.url.split('?')[0]!;
        const view = await deps.checkout.act(request.params.sessionRef, request.body.action);
        if (!view) return sendPage(reply, 404, renderMissingPage);
        return reply.header('cache-control', 'no-store').redirect(path, 303);
      },
    );
  });
}
