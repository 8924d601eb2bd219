import { dataOf, errorResponse, type HttpApp } from '@slotwise/platform/http';
import { z } from 'zod';
import type { WebhookService } from './webhook.service.js';

/** Webhook bodies are small JSON documents; a provider never sends more than this. */
const WEBHOOK_BODY_LIMIT = 256 * 1024;

/**
 * `POST /api/payments/webhooks/:provider` (public: the provider's signature is the proof). The
 * body is kept as the exact bytes received, in this scope only: a signature is computed over
 * them, and parsing and re-serialising JSON would change them.
 */
export async function registerWebhookRoutes(
  app: HttpApp,
  deps: { webhooks: WebhookService },
): Promise<void> {
  await app.register(async (scope: HttpApp) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT },
      (_request, body, done) => {
        done(null, body);
      },
    );

    scope.post(
      '/api/payments/webhooks/:provider',
      {
        schema: {
          tags: ['payments'],
          security: [],
          summary: 'A payment provider reports an outcome (signed; applied once, only forwards)',
          description:
            '`stripe`: verified with `Stripe-Signature` and the endpoint’s secret. `simulated`: ' +
            'the simulated provider’s own deliveries (`X-Simulated-Signature`). A bad signature ' +
            'is a 400 and changes nothing; an event received before answers 200 again, ' +
            '`duplicate: true`, and changes nothing.',
          params: z.object({
            provider: z
              .string()
              .regex(/^[a-z]{1,32}$/, 'a provider name, e.g. stripe')
              .meta({ examples: ['stripe'] }),
          }),
          response: {
            200: dataOf(
              z.object({ received: z.literal(true), duplicate: z.boolean(), applied: z.boolean() }),
            ),
            400: errorResponse.describe('INVALID_WEBHOOK_SIGNATURE'),
            404: errorResponse.describe('No such provider here'),
          },
        },
      },
      async (request) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const result = await deps.webhooks.receive(
          request.params.provider,
          raw,
          request.headers,
          request.id,
        );
        return { data: { received: true as const, ...result } };
      },
    );
  });
}
