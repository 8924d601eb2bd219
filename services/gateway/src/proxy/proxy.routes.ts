import { CommonErrors, serviceUnavailable } from '@slotwise/platform/errors';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { authenticate, type AccessVerifier } from '../access/authenticate.js';
import { ACCOUNT_LIMITED, isCatalogRoute, isPublicRoute } from '../access/public-routes.js';
import type { LimitRule, RateLimiter } from '../limits/rate-limiter.js';
import { downstreamHeaders, isTraversal, upstreamHeaders } from './forwarding.js';
import type { UpstreamGroup } from './upstream-group.js';

export interface ProxyRoute {
  prefix: string;
  /** Undefined when the service is not deployed: its routes answer 503. */
  upstream: UpstreamGroup | undefined;
  upstreamName: string;
}

export interface ProxyDeps {
  routes: ProxyRoute[];
  verifier: AccessVerifier;
  limiter: RateLimiter;
  limits: { global: LimitRule; account: LimitRule; booking: LimitRule };
}

// HEAD comes with GET (Fastify adds it); OPTIONS preflights are answered by the CORS plugin.
const METHODS: HTTPMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function accountOf(body: unknown, field: string): string {
  if (!Buffer.isBuffer(body) || body.length === 0 || body.length > 16_384) return '-';
  try {
    const value = (JSON.parse(body.toString('utf8')) as Record<string, unknown>)[field];
    return typeof value === 'string' ? value.trim().toLowerCase().slice(0, 320) : '-';
  } catch {
    return '-';
  }
}

export function registerProxyRoutes(app: FastifyInstance, deps: ProxyDeps): void {
  const { limiter, limits } = deps;

  const guard = async (request: FastifyRequest): Promise<void> => {
    if (isTraversal(request.url)) throw CommonErrors.create('NOT_FOUND', 'No such route');
    await limiter.check(limits.global, request.ip);
    const path = request.url.split('?')[0] ?? '';
    const accountField = request.method === 'POST' ? ACCOUNT_LIMITED.get(path) : undefined;
    if (accountField) {
      await limiter.check(limits.account, `${request.ip}|${accountOf(request.body, accountField)}`);
    }
    if (!isPublicRoute(request.method, path)) {
      await authenticate(request, deps.verifier);
    } else if (isCatalogRoute(request.method, path)) {
      await authenticate(request, deps.verifier, { optional: true });
    }
    if (request.method === 'POST' && (path === '/api/bookings' || path === '/api/bookings/')) {
      await limiter.check(limits.booking, request.principal?.userId ?? request.ip);
    }
  };

  for (const route of deps.routes) {
    const handler = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
      if (!route.upstream) throw serviceUnavailable(route.upstreamName, 30);
      const response = await route.upstream.request({
        method: request.method,
        path: request.url,
        headers: upstreamHeaders(request),
        body: Buffer.isBuffer(request.body) ? request.body : undefined,
      });
      if (reply.raw.destroyed) {
        // The client hung up while the upstream answered: nobody is left to send it to. Sending
        // anyway would end in Fastify warning of an aborted stream. The body is read and dropped
        // (up to undici's limit), so the upstream connection can serve the next request.
        request.log.info({ upstream: route.upstreamName }, 'client gone before the answer');
        void response.body.dump().catch(() => undefined);
        return reply;
      }
      return reply
        .status(response.statusCode)
        .headers(downstreamHeaders(response.headers))
        .send(response.body);
    };
    for (const url of [route.prefix, `${route.prefix}/*`]) {
      app.route({ method: METHODS, url, schema: { hide: true }, preHandler: guard, handler });
    }
  }
}
