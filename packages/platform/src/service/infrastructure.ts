import type { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { Gauge, type Registry } from 'prom-client';
import {
  authRevocationFeed,
  createTokenVerifier,
  RevocationSync,
  ServiceTokenClient,
  UserRevocationList,
  type TokenVerifier,
} from '../auth/index.js';
import { ServiceClient } from '../client/service-client.js';
import { createPool, createPrismaAdapter, databaseCheck } from '../db/index.js';
import {
  createEventTransport,
  createOutboxRelay,
  type Consumer,
  type EventTransport,
  type OutboxRelay,
  type RunningConsumer,
} from '../events/index.js';
import type { HealthCheck } from '../http/health.js';
import { createMetricsRegistry } from '../http/metrics.js';
import { createLogger, type Logger } from '../logger/logger.js';
import type { ShutdownStep } from '../shutdown/shutdown.js';

/** The env a service with a database, events and authenticated routes has (see config/env-types). */
export interface InfrastructureConfig {
  LOG_LEVEL: string;
  DATABASE_URL: string;
  DATABASE_POOL_MAX: number;
  DATABASE_STATEMENT_TIMEOUT_MS: number;
  DATABASE_CONNECTION_TIMEOUT_MS: number;
  AMQP_URL?: string | undefined;
  EVENTS_DATABASE_URL?: string | undefined;
  EVENTS_PREFIX: string;
  OUTBOX_KEEP_PUBLISHED_DAYS?: number;
  AUTH_JWKS_URL: string;
  JWT_ISSUER: string;
  JWT_AUDIENCE: string;
  REVOCATION_SYNC_INTERVAL_MS?: number;
  AUTH_SERVICE_URL?: string;
  SERVICE_CLIENT_ID?: string | undefined;
  SERVICE_CLIENT_SECRET?: string | undefined;
  SERVICE_CALL_TIMEOUT_MS?: number;
}

export interface Infrastructure<Prisma> {
  logger: Logger;
  metrics: Registry;
  pool: pg.Pool;
  prisma: Prisma;
  transport: EventTransport;
  relay: OutboxRelay;
  verifier: TokenVerifier;
  /** Verifies service tokens minted for this service (audience: its name), for internal routes. */
  serviceVerifier: TokenVerifier;
  /**
   * A client for another service's internal routes, sending a service token for it. Needs
   * SERVICE_CLIENT_ID/SECRET; closed on shutdown.
   */
  serviceClient(target: string, baseUrl: string): ServiceClient;
  /** Per-user "tokens issued before this are dead", fed from auth's events. */
  revocations: UserRevocationList;
  readinessChecks: Record<string, HealthCheck>;
  /**
   * Registers an event consumer (`defineConsumer`): `start` subscribes it on the transport and
   * schedules its inbox retention on the pool; shutdown closes it first. Call before `start`.
   */
  consume(consumer: Consumer): void;
  /** Starts the background work (the outbox relay, the consumers) once the server listens. */
  start(): Promise<void>;
  /** Closes it all after the HTTP server drained: consumers, relay, transport, Prisma, pool. */
  stopSteps: ShutdownStep[];
}

export interface InfrastructureOptions<Prisma> {
  service: string;
  config: InfrastructureConfig;
  createPrisma: (adapter: PrismaPg) => Prisma;
  logger?: Logger;
  /** False for a service that needs no revocation feed (auth checks its own database). */
  syncRevocations?: boolean;
  /** Event types whose outbox rows are deleted once published (they carry a secret). */
  deleteAfterPublish?: readonly string[];
}

/**
 * What every service with a database has, built the same way everywhere: logger, metrics, the one
 * pool (Prisma runs on it), the event transport and outbox relay, and access-token verification.
 * The service's container adds its repositories, services and routes on top.
 */
export async function createInfrastructure<Prisma extends { $disconnect(): Promise<void> }>(
  options: InfrastructureOptions<Prisma>,
): Promise<Infrastructure<Prisma>> {
  const { service, config } = options;
  const logger = options.logger ?? createLogger({ service, level: config.LOG_LEVEL });
  const metrics = createMetricsRegistry(service);
  const pool = createPool({
    connectionString: config.DATABASE_URL,
    max: config.DATABASE_POOL_MAX,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    connectionTimeoutMs: config.DATABASE_CONNECTION_TIMEOUT_MS,
    applicationName: `slotwise-${service}`,
  });
  installPoolMetrics(pool, metrics);
  const prisma = options.createPrisma(createPrismaAdapter(pool));
  const transport = await createEventTransport({
    amqpUrl: config.AMQP_URL,
    eventsDatabaseUrl: config.EVENTS_DATABASE_URL,
    logger,
    prefix: config.EVENTS_PREFIX,
  });
  const relay = createOutboxRelay({
    pool,
    transport,
    logger,
    deleteAfterPublish: options.deleteAfterPublish ?? [],
    ...(config.OUTBOX_KEEP_PUBLISHED_DAYS
      ? { retainPublishedDays: config.OUTBOX_KEEP_PUBLISHED_DAYS }
      : { deleteAllAfterPublish: true }),
    metrics: { registry: metrics },
  });
  const revocations = new UserRevocationList();
  const feed =
    options.syncRevocations !== false &&
    config.AUTH_SERVICE_URL &&
    config.SERVICE_CLIENT_ID &&
    config.SERVICE_CLIENT_SECRET
      ? authRevocationFeed({
          authUrl: config.AUTH_SERVICE_URL,
          clientId: config.SERVICE_CLIENT_ID,
          clientSecret: config.SERVICE_CLIENT_SECRET,
          logger,
        })
      : undefined;
  const revocationSync = feed
    ? new RevocationSync({
        list: revocations,
        fetchSince: feed.fetchSince,
        intervalMs: config.REVOCATION_SYNC_INTERVAL_MS ?? 2_000,
        logger,
      })
    : undefined;
  if (!revocationSync && options.syncRevocations !== false) {
    logger.warn('no service credentials: revoked access tokens are refused only when they expire');
  }
  const verifier = createTokenVerifier({
    jwksUrl: config.AUTH_JWKS_URL,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    isRevoked: revocations.isRevoked,
  });

  const serviceVerifier = createTokenVerifier({
    jwksUrl: config.AUTH_JWKS_URL,
    issuer: config.JWT_ISSUER,
    audience: service,
  });
  const clients: ServiceClient[] = [];
  const serviceClient = (target: string, baseUrl: string): ServiceClient => {
    if (!config.AUTH_SERVICE_URL || !config.SERVICE_CLIENT_ID || !config.SERVICE_CLIENT_SECRET) {
      throw new Error(
        `${service} calls ${target}: set AUTH_SERVICE_URL, SERVICE_CLIENT_ID and SERVICE_CLIENT_SECRET`,
      );
    }
    const tokens = new ServiceTokenClient({
      authUrl: config.AUTH_SERVICE_URL,
      clientId: config.SERVICE_CLIENT_ID,
      clientSecret: config.SERVICE_CLIENT_SECRET,
      audience: target,
    });
    const client = new ServiceClient({
      name: target,
      baseUrl,
      timeoutMs: config.SERVICE_CALL_TIMEOUT_MS ?? 2_000,
      getToken: tokens.getToken,
      logger,
    });
    clients.push(client);
    return client;
  };

  const consumers: Consumer[] = [];
  const running: RunningConsumer[] = [];
  let started = false;

  return {
    logger,
    metrics,
    pool,
    prisma,
    transport,
    relay,
    verifier,
    serviceVerifier,
    serviceClient,
    revocations,
    readinessChecks: { database: databaseCheck(pool), events: transport.healthCheck },
    consume: (consumer) => {
      if (started) throw new Error(`Consumer ${consumer.name} registered after start`);
      consumers.push(consumer);
    },
    start: async () => {
      if (started) return;
      started = true;
      relay.start();
      revocationSync?.start();
      for (const consumer of consumers) {
        running.push(await consumer.start({ transport, db: pool, logger }));
      }
    },
    stopSteps: [
      // The event in hand finishes on a live pool and broker; nothing new is taken after this.
      {
        name: 'event consumers',
        run: async () => void (await Promise.all(running.map((c) => c.close()))),
      },
      ...(revocationSync
        ? [
            {
              name: 'revocation sync',
              run: async () => {
                await revocationSync.stop();
                await feed?.close();
              },
            },
          ]
        : []),
      {
        name: 'service clients',
        run: async () => void (await Promise.all(clients.map((c) => c.close()))),
      },
      { name: 'outbox relay', run: () => relay.stop() },
      { name: 'event transport', run: () => transport.close() },
      { name: 'prisma', run: () => prisma.$disconnect() },
      { name: 'pool', run: () => pool.end() },
    ],
  };
}

function installPoolMetrics(pool: pg.Pool, registry: Registry): void {
  const gauge = (name: string, help: string, read: () => number): void => {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  };
  gauge('db_pool_connections', 'Connections open in the pool', () => pool.totalCount);
  gauge('db_pool_idle', 'Idle connections in the pool', () => pool.idleCount);
  gauge('db_pool_waiting', 'Queries waiting for a connection', () => pool.waitingCount);
}
