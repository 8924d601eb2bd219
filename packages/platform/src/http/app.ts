import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { CommonErrors } from '../errors/app-error.js';
import { sendError, validationError } from '../errors/error-envelope.js';
import type { Logger } from '../logger/logger.js';
import { installHealthRoutes, Readiness, type HealthCheck } from './health.js';
import { duplicateKey, inputProblem, unexpectedBody } from './input-text.js';
import { completeOpenApiDocument } from './openapi.js';
import { createMetricsRegistry, installMetrics } from './metrics.js';
import { RequestLogController } from './request-log.js';
import { requestLoggerFactory } from './request-logger.js';
import { securityHeaders } from './security-headers.js';

export const ONE_MIB = 1024 * 1024;

export interface HttpAppOptions {
  service: string;
  logger: Logger;
  /** Dependency checks behind `/health/ready` (database, broker). */
  readinessChecks?: Record<string, HealthCheck>;
  readiness?: Readiness;
  bodyLimit?: number;
  trustProxy?: boolean;
  openapi?: { title: string; description?: string; version?: string };
  /** The registry to expose; the composition root makes it when other parts add metrics. */
  metrics?: Registry;
  /** Only loopback clients may read `/metrics` (the gateway's rule in API.md). */
  metricsLoopbackOnly?: boolean;
  /**
   * How long a request may take to arrive, headers and body (default 30 s): a body that never
   * ends is answered 408 instead of holding its socket for good.
   */
  requestTimeoutMs?: number;
}

const REQUEST_TIMEOUT_MS = 30_000;

export type HttpApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry;
    readiness: Readiness;
  }
  interface FastifyContextConfig {
    /**
     * A route other processes poll every few seconds (the revocation feed): its completion
     * lines go to debug like the health probes', or they would drown the traffic.
     */
    routineLog?: boolean;
  }
}

const REQUEST_ID = /^[\w\-.:]{1,128}$/;

/** A client-supplied request id is kept when it is sane, so one id follows a request everywhere. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers over 16 KiB, a broken
 * request line, a request too slow to arrive), answered in the envelope on the raw socket.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', 'The request headers are larger than 16 KiB']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive']
        : [400, 'BAD_REQUEST', 'The request is malformed'];
  const requestId = randomUUID();
  const body = JSON.stringify({ error: { code, message, requestId } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'content-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      `x-request-id: ${requestId}\r\nconnection: close\r\n\r\n${body}`,
  );
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The Fastify instance every service starts from: zod validation and serialization, the API.md
 * error envelope for everything, request ids, security headers, health, metrics and an OpenAPI
 * document built from the routes' schemas. Routes are added by the caller, then `ready()`/`listen()`.
 */
export async function createHttpApp(options: HttpAppOptions): Promise<HttpApp> {
  const bodyLimit = options.bodyLimit ?? ONE_MIB;
  const requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  // Typed as Fastify's logger so the instance is a plain FastifyInstance, not one generic over pino.
  const loggerInstance: FastifyBaseLogger = options.logger;
  const app = Fastify({
    loggerInstance,
    bodyLimit,
    requestTimeout: requestTimeoutMs,
    http: {
      // Node enforces the request timeout only when the headers' is no longer (60 s by default),
      // and checks both on this interval (30 s by default).
      headersTimeout: Math.min(60_000, requestTimeoutMs),
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, requestTimeoutMs / 4)),
    },
    trustProxy: options.trustProxy ?? false,
    genReqId: (request) => requestIdFrom(request.headers['x-request-id']),
    logController: new RequestLogController(),
    childLoggerFactory: requestLoggerFactory,
    return503OnClosing: true,
    // The router's own refusals (a path segment over 100 characters, a malformed URL) in the
    // envelope too: an id that long is a malformed id, 400 as API.md says.
    frameworkErrors: (error, request, reply) => {
      void reply.header('x-request-id', request.id);
      sendError(
        request,
        reply,
        validationError([
          {
            field: 'params',
            message:
              error.code === 'FST_ERR_MAX_PARAM_LENGTH'
                ? 'a path segment is too long (an id is 36 characters)'
                : 'the URL is malformed',
          },
        ]),
      );
    },
    clientErrorHandler: answerClientError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const readiness = options.readiness ?? new Readiness();
  app.decorate('readiness', readiness);
  app.decorate(
    'metrics',
    installMetrics(app, options.metrics ?? createMetricsRegistry(options.service)),
  );

  // JSON only (API.md): anything else is 415, including Fastify's built-in text/plain parser.
  app.removeContentTypeParser('text/plain');
  // An empty body with a JSON content type (a DELETE from many clients) is "no body", not an error.
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit },
    (request, body, done) => {
      if (body === '' || (typeof body === 'string' && body.trim() === '')) {
        done(null, undefined);
        return;
      }
      void defaultJson(request, body as string, (error, parsed) => {
        if (error) return done(error, undefined);
        // Only an object can repeat a key; most bodies are small objects, scanned in microseconds.
        const repeated = typeof parsed === 'object' ? duplicateKey(body as string) : null;
        if (repeated === null) return done(null, parsed);
        done(
          validationError([
            { field: 'body', message: `the key "${repeated.slice(0, 100)}" appears twice` },
          ]),
        );
      });
    },
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: options.openapi?.title ?? `Slotwise ${options.service} service`,
        description: options.openapi?.description,
        version: options.openapi?.version ?? '1.0.0',
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: jsonSchemaTransform,
    // The schemas named with `.meta({ id })` (Booking, Business…) go to components.schemas,
    // where the routes' `$ref`s point; then the examples and responses every route shares.
    transformObject: (document) => completeOpenApiDocument(jsonSchemaTransformObject(document)),
  });

  const headers = securityHeaders();
  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(headers).header('x-request-id', request.id);
    done();
  });
  // On its way out (readiness off, still draining) each answer closes its connection: the client
  // sends its next request on a new one, elsewhere, instead of on one about to be cut under it.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (!readiness.isReady) void reply.header('connection', 'close');
    done(null, payload);
  });

  // One rule for the text every route takes, before the route's own schema: nothing a column
  // cannot store (NUL, a lone surrogate), no invisible control characters, no absurd nesting;
  // and no body at all where a route declares none.
  app.addHook('preValidation', (request, _reply, done) => {
    const problem =
      inputProblem(request.params, 'params') ??
      inputProblem(request.query, 'querystring') ??
      inputProblem(request.body, 'body') ??
      (request.is404 || request.routeOptions.schema?.body ? null : unexpectedBody(request.body));
    done(problem ? validationError([problem]) : undefined);
  });

  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendError(
      request,
      reply,
      CommonErrors.create(
        'NOT_FOUND',
        `No route for ${request.method} ${request.url.split('?')[0]}`,
      ),
    ),
  );

  installHealthRoutes(app, options.readinessChecks ?? {}, readiness);
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (options.metricsLoopbackOnly && !LOOPBACK.has(request.socket.remoteAddress ?? '')) {
      throw CommonErrors.create('NOT_FOUND', `No route for GET /metrics`);
    }
    return reply.type(app.metrics.contentType).send(await app.metrics.metrics());
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  return app.withTypeProvider<ZodTypeProvider>();
}
