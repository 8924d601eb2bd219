import type { HttpApp } from '@slotwise/platform/http';
import { z } from 'zod';
import type { KeyStore } from './key-store.js';

export function registerJwksRoutes(app: HttpApp, keys: KeyStore): void {
  app.get(
    '/api/auth/.well-known/jwks.json',
    {
      schema: {
        tags: ['auth: tokens'],
        summary: 'The public keys that verify access tokens (RFC 7517)',
        response: { 200: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }) },
      },
    },
    async (_request, reply) => {
      // Verifiers cache keys themselves and refetch on an unknown kid; a short cache here is enough.
      void reply.header('cache-control', 'public, max-age=60');
      return keys.jwks();
    },
  );
}
