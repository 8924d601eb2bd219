import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import { createHttpApp, type HttpApp } from '@slotwise/platform/http';
import type { Logger } from '@slotwise/platform/logger';
import type { AccessVerifier } from './access/authenticate.js';
import type { GatewayConfig } from './config.js';
import { registerDocsRoutes } from './docs/docs.routes.js';
import type { OpenApiMerger } from './docs/openapi-merge.js';
import { registerHealthRoute } from './health/health.routes.js';
import type { RateLimiter } from './limits/rate-limiter.js';
import { registerProxyRoutes, type ProxyRoute } from './proxy/proxy.routes.js';
import type { UpstreamGroup } from './proxy/upstream-group.js';
import { registerWebAppRoutes } from './web/web-app.routes.js';

export interface GatewayDeps {
  config: GatewayConfig;
  logger: Logger;
  routes: ProxyRoute[];
  /** Every deployed upstream, for `/health` and the merged OpenAPI document. */
  upstreams: { name: string; group: UpstreamGroup }[];
  verifier: AccessVerifier;
  limiter: RateLimiter;
  docs: OpenApiMerger;
}

export async function buildApp(deps: GatewayDeps): Promise<HttpApp> {
  const { config } = deps;
  const app = await createHttpApp({
    service: 'gateway',
    logger: deps.logger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    metricsLoopbackOnly: true,
  });

  // The gateway forwards bodies as bytes; the service behind it parses and validates them. The
  // body limit still applies here (413), and the bytes are kept so a retry can resend them.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: config.BODY_LIMIT_BYTES },
    (_request, body, done) => {
      done(null, body);
    },
  );

  await app.register(cookie);
  await app.register(cors, {
    origin: config.CORS_ORIGINS.length > 0 ? [...config.CORS_ORIGINS] : false,
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });

  registerHealthRoute(app, deps.upstreams);
  await registerDocsRoutes(app, deps.docs);
  registerProxyRoutes(app, {
    routes: deps.routes,
    verifier: deps.verifier,
    limiter: deps.limiter,
    limits: {
      global: { name: 'ip', max: config.RATE_LIMIT_MAX, windowMs: config.RATE_LIMIT_WINDOW_MS },
      account: {
        name: 'account',
        max: config.RATE_LIMIT_AUTH_MAX,
        windowMs: config.RATE_LIMIT_WINDOW_MS,
      },
      booking: {
        name: 'booking',
        max: config.RATE_LIMIT_BOOKING_MAX,
        windowMs: config.RATE_LIMIT_WINDOW_MS,
      },
    },
  });
  // Last: its catch-all `/*` yields to every route above.
  await registerWebAppRoutes(app, config.WEB_DIST_DIR);
  return app;
}
