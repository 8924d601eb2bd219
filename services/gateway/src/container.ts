import {
  authRevocationFeed,
  createTokenVerifier,
  RevocationSync,
  UserRevocationList,
} from '@slotwise/platform/auth';
import { createLogger, type Logger } from '@slotwise/platform/logger';
import type { ShutdownStep } from '@slotwise/platform/shutdown';
import { Redis } from 'ioredis';
import type { AccessVerifier } from './access/authenticate.js';
import { jwksUrlOf, type GatewayConfig } from './config.js';
import type { GatewayDeps } from './app.js';
import { OpenApiMerger } from './docs/openapi-merge.js';
import {
  MemoryCounterStore,
  RateLimiter,
  RedisCounterStore,
  type CounterStore,
} from './limits/rate-limiter.js';
import type { ProxyRoute } from './proxy/proxy.routes.js';
import { UpstreamGroup } from './proxy/upstream-group.js';

export interface GatewayContainer extends GatewayDeps {
  /** Starts the background work: following auth's feed of revoked users. */
  start(): Promise<void>;
  close(): Promise<void>;
  /** `close`, as a step of the graceful shutdown. */
  stopSteps: ShutdownStep[];
}

/** The composition root: every long-lived object of the gateway, wired by hand. */
export function buildContainer(
  config: GatewayConfig,
  overrides: { logger?: Logger; verifier?: AccessVerifier } = {},
): GatewayContainer {
  const logger = overrides.logger ?? createLogger({ service: 'gateway', level: config.LOG_LEVEL });
  const group = (name: string, urls: readonly string[]): UpstreamGroup =>
    new UpstreamGroup({
      name,
      urls,
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      connectTimeoutMs: config.UPSTREAM_CONNECT_TIMEOUT_MS,
      cooldownMs: config.UPSTREAM_COOLDOWN_MS,
      healthIntervalMs: config.UPSTREAM_HEALTH_INTERVAL_MS,
    });
  const upstreams = [
    { name: 'auth', prefix: '/api/auth', group: group('auth', config.AUTH_SERVICE_URL) },
    {
      name: 'business',
      prefix: '/api/businesses',
      group: group('business', config.BUSINESS_SERVICE_URL),
    },
    {
      name: 'resource',
      prefix: '/api/resources',
      group: group('resource', config.RESOURCE_SERVICE_URL),
    },
    {
      name: 'booking',
      prefix: '/api/bookings',
      group: group('booking', config.BOOKING_SERVICE_URL),
    },
    ...(config.PAYMENT_SERVICE_URL
      ? [
          {
            name: 'payment',
            prefix: '/api/payments',
            group: group('payment', config.PAYMENT_SERVICE_URL),
          },
        ]
      : []),
  ];
  const routes: ProxyRoute[] = upstreams.map(({ name, prefix, group }) => ({
    prefix,
    upstream: group,
    upstreamName: name,
  }));
  if (!config.PAYMENT_SERVICE_URL) {
    routes.push({ prefix: '/api/payments', upstream: undefined, upstreamName: 'payment' });
  }

  const store: CounterStore = config.REDIS_URL
    ? new RedisCounterStore(
        new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }),
      )
    : new MemoryCounterStore();

  // Suspended, deleted and reset users' tokens are refused within one sync interval.
  const revocations = new UserRevocationList();
  const feed =
    config.SERVICE_CLIENT_ID && config.SERVICE_CLIENT_SECRET
      ? authRevocationFeed({
          authUrl: config.AUTH_SERVICE_URL[0]!,
          clientId: config.SERVICE_CLIENT_ID,
          clientSecret: config.SERVICE_CLIENT_SECRET,
          logger,
        })
      : undefined;
  if (!feed)
    logger.warn('no service credentials: revoked access tokens are refused only when they expire');
  const revocationSync = feed
    ? new RevocationSync({
        list: revocations,
        fetchSince: feed.fetchSince,
        intervalMs: config.REVOCATION_SYNC_INTERVAL_MS,
        logger,
      })
    : undefined;
  const verifier =
    overrides.verifier ??
    createTokenVerifier({
      jwksUrl: jwksUrlOf(config),
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      isRevoked: revocations.isRevoked,
    });

  const close = async (): Promise<void> => {
    await revocationSync?.stop();
    await feed?.close();
    await Promise.all(upstreams.map(({ group }) => group.close()));
    await store.close();
  };
  return {
    config,
    logger,
    routes,
    upstreams: upstreams.map(({ name, group }) => ({ name, group })),
    verifier,
    limiter: new RateLimiter(store, logger),
    docs: new OpenApiMerger(
      upstreams.map(({ name, group }) => ({ name, group })),
      config.PUBLIC_URL,
    ),
    start: async () => revocationSync?.start(),
    close,
    stopSteps: [{ name: 'upstreams', run: close }],
  };
}
