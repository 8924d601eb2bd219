import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { OpenApiMerger } from './openapi-merge.js';

export async function registerDocsRoutes(
  app: FastifyInstance,
  merger: OpenApiMerger,
): Promise<void> {
  app.get('/api/docs/openapi.json', { schema: { hide: true } }, async () => merger.document());
  let latest: Record<string, unknown> = {};
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // The UI reads `/api/docs/json`: serve the merged document there too, fetched just before.
    uiHooks: {
      onRequest: (request, _reply, done) => {
        if (!request.url.startsWith('/api/docs/json')) return done();
        merger.document().then((document) => {
          latest = { ...document };
          done();
        }, done);
      },
    },
    transformSpecification: () => latest,
    transformSpecificationClone: false,
  });
}
