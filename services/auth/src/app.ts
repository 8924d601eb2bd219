import cookie from '@fastify/cookie';
import { createHttpApp, type HttpApp } from '@slotwise/platform/http';
import { registerAccountRoutes } from './accounts/account.routes.js';
import { registerAdminRoutes } from './admin/admin.routes.js';
import type { Container } from './container.js';
import { registerInternalRoutes } from './internal/internal.routes.js';
import { registerSessionRoutes } from './sessions/session.routes.js';
import { registerJwksRoutes } from './tokens/jwks.routes.js';

/** The auth service's HTTP app, without listening: tests build it in-process. */
export async function buildApp(container: Container): Promise<HttpApp> {
  const app = await createHttpApp({
    service: 'auth',
    logger: container.logger,
    readinessChecks: container.readinessChecks,
    metrics: container.metrics,
    openapi: { title: 'Slotwise auth service' },
  });
  await app.register(cookie);
  const { authenticate, cookies } = container;
  registerAccountRoutes(app, { accounts: container.accounts, cookies, authenticate });
  registerSessionRoutes(app, { sessions: container.sessions, cookies, authenticate });
  registerAdminRoutes(app, { admin: container.admin, authenticate });
  registerJwksRoutes(app, container.keys);
  registerInternalRoutes(app, {
    serviceTokens: container.serviceTokens,
    revocations: container.revocationFeed,
    verifier: container.serviceVerifier,
  });
  return app;
}
