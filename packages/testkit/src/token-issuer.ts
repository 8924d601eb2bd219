import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestKeys } from './test-keys.js';

export interface TokenIssuer {
  /** Give it as AUTH_SERVICE_URL: it answers `POST /internal/service-token` like auth does. */
  url: string;
  /** Calls received, by client id. */
  issued: Record<string, number>;
  close(): Promise<void>;
}

/**
 * Auth's client-credentials endpoint (and an empty revocation feed), for testing a service that
 * calls another one without running auth: any client id with a non-empty secret gets a SERVICE token for the audience it
 * asks, signed by the test keys (so the callee verifies it against the same JWKS).
 */
export async function startTokenIssuer(keys: TestKeys): Promise<TokenIssuer> {
  const issued: Record<string, number> = {};
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'GET' && request.url?.startsWith('/internal/token-revocations')) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ data: [] }));
        return;
      }
      if (request.method !== 'POST' || request.url !== '/internal/service-token') {
        response.writeHead(404).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, string>;
      if (!body.clientId || !body.clientSecret || !body.audience) {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ error: { code: 'INVALID_CLIENT', message: 'no', requestId: '-' } }),
        );
        return;
      }
      issued[body.clientId] = (issued[body.clientId] ?? 0) + 1;
      void keys
        .sign({
          sub: `service:${body.clientId}`,
          role: 'SERVICE',
          aud: body.audience,
          exp: Math.floor(Date.now() / 1000) + 300,
        })
        .then((accessToken) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ data: { accessToken, expiresIn: 300 } }));
        });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    issued,
    close: async () => {
      server.close();
      await once(server, 'close');
    },
  };
}
