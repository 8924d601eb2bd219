import { Writable } from 'node:stream';
import { CommonErrors, defineErrorCodes } from '@slotwise/platform/errors';
import { createHttpApp, idParams, type HttpApp } from '@slotwise/platform/http';
import { createLogger } from '@slotwise/platform/logger';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const DemoErrors = defineErrorCodes({ WIDGET_TAKEN: 409 });

function captureLogs(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('http app factory', () => {
  let app: HttpApp;
  let logs: ReturnType<typeof captureLogs>;
  let dbUp = true;

  beforeEach(async () => {
    logs = captureLogs();
    dbUp = true;
    app = await createHttpApp({
      service: 'demo',
      logger: createLogger({ service: 'demo', level: 'info', destination: logs.stream }),
      readinessChecks: {
        database: async () => {
          if (!dbUp) throw new Error('connect ECONNREFUSED 10.0.0.7:5432');
        },
      },
    });
    app.post(
      '/widgets',
      {
        schema: {
          body: z.strictObject({ name: z.string().min(1), size: z.number().int().positive() }),
        },
      },
      async (request, reply) => reply.status(201).send({ data: request.body }),
    );
    app.get('/widgets/:id', { schema: { params: idParams } }, async (request) => {
      if (request.params.id === '00000000-0000-4000-8000-000000000001') {
        throw DemoErrors.create('WIDGET_TAKEN', 'That widget is taken', {
          details: { id: request.params.id },
        });
      }
      throw CommonErrors.create('NOT_FOUND', 'Widget not found');
    });
    app.get('/boom', async () => {
      throw new Error('password=hunter2 at db.internal:5432 relation "secrets"');
    });
    app.delete('/widgets/:id', { schema: { params: idParams } }, async (_request, reply) =>
      reply.status(204).send(),
    );
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
  });

  it('accepts a valid body and echoes a request id', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/widgets',
      payload: { name: 'a', size: 2 },
      headers: { 'x-request-id': 'req-123' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ data: { name: 'a', size: 2 } });
    expect(response.headers['x-request-id']).toBe('req-123');
  });

  it('lists every bad field in one VALIDATION_ERROR, unknown fields included', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/widgets',
      payload: { name: '', size: 'big', ownerId: 'me' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{
      error: { code: string; details: { fields: { field: string }[] }; requestId: string };
    }>();
    expect(body.error.code).toBe('VALIDATION_ERROR');
    const fields = body.error.details.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.size', 'body.ownerId']));
    expect(body.error.requestId).toBe(response.headers['x-request-id']);
  });

  it('answers malformed JSON with 400 in the envelope', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/widgets',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "a",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_ERROR' } });
  });

  it('answers a body over 1 MiB with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/widgets',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024), size: 1 }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers a wrong content type with 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/widgets',
      headers: { 'content-type': 'text/plain' },
      payload: 'name=a',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('treats an empty JSON body as no body', async () => {
    const response = await app.inject({
      method: 'DELETE',
      url: '/widgets/00000000-0000-4000-8000-000000000009',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(204);
  });

  it('answers an unknown route with 404 and a malformed id with 400', async () => {
    const unknown = await app.inject({ method: 'GET', url: '/nope' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const malformed = await app.inject({ method: 'GET', url: '/widgets/not-a-uuid' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'VALIDATION_ERROR' } });
  });

  it('maps module error codes to their status with details', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/widgets/00000000-0000-4000-8000-000000000001',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      error: { code: 'WIDGET_TAKEN', details: { id: '00000000-0000-4000-8000-000000000001' } },
    });
  });

  it('answers an unexpected error with 500, leaks nothing, and logs it with the request id', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/boom',
      headers: { 'x-request-id': 'boom-1' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toMatch(/hunter2|db\.internal|secrets|at /);
    expect(response.json()).toEqual({
      error: { code: 'INTERNAL_ERROR', message: expect.any(String), requestId: 'boom-1' },
    });
    const logged = logs.lines().find((line) => line.msg === 'request failed');
    expect(logged).toMatchObject({ requestId: 'boom-1', level: 'error' });
  });

  it('reports readiness from the checks without leaking hosts, and liveness always', async () => {
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    dbUp = false;
    const down = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ status: 'down', checks: { database: { status: 'down' } } });
    expect(down.body).not.toContain('10.0.0.7');
    expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    app.readiness.markNotReady();
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(503);
  });

  it('serves Prometheus metrics and an OpenAPI document of its routes', async () => {
    await app.inject({ method: 'GET', url: '/health/live' });
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('http_request_duration_seconds');
    const openapi = await app.inject({ method: 'GET', url: '/openapi.json' });
    const document = openapi.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/widgets', '/widgets/{id}']),
    );
    expect(Object.keys(document.paths)).not.toContain('/health/ready');
  });

  it("sets helmet's default security headers on every answer, errors included", async () => {
    for (const url of ['/health/live', '/nowhere', '/boom']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['strict-transport-security']).toBe(
        'max-age=31536000; includeSubDomains',
      );
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('binds the request id to what a handler logs through request.log', async () => {
    app = await createHttpApp({
      service: 'demo',
      logger: createLogger({ service: 'demo', level: 'info', destination: logs.stream }),
    });
    app.get('/chatty', async (request) => {
      request.log.debug('below the level: not written');
      request.log.info({ step: 1 }, 'first');
      request.log.child({ part: 'inner' }).warn('second');
      return { level: request.log.level };
    });
    const response = await app.inject({
      method: 'GET',
      url: '/chatty',
      headers: { 'x-request-id': 'chat-1' },
    });
    expect(response.json()).toEqual({ level: 'info' });
    const lines = logs.lines().filter((line) => line.requestId === 'chat-1');
    expect(lines.map((line) => line.msg)).toEqual(['first', 'second', 'request completed']);
    expect(lines[0]).toMatchObject({ service: 'demo', step: 1, level: 'info' });
    expect(lines[1]).toMatchObject({ part: 'inner', level: 'warn' });
  });
});

describe('request logger', () => {
  it('makes no child logger for a request that logs nothing at an enabled level', async () => {
    const logs = captureLogs();
    const logger = createLogger({ service: 'demo', level: 'warn', destination: logs.stream });
    let children = 0;
    const child = logger.child.bind(logger);
    logger.child = ((...args: Parameters<typeof child>) => {
      children += 1;
      return child(...args);
    }) as typeof logger.child;
    const app = await createHttpApp({ service: 'demo', logger });
    app.get('/quiet', async (request) => {
      request.log.info('not at warn');
      return { ok: true };
    });
    app.get('/loud', async (request) => {
      request.log.warn('once');
      request.log.error('twice');
      return { ok: true };
    });
    await app.ready();
    children = 0;
    await app.inject({ method: 'GET', url: '/quiet' });
    expect(children).toBe(0);
    await app.inject({ method: 'GET', url: '/loud', headers: { 'x-request-id': 'loud-1' } });
    expect(children).toBe(1);
    expect(logs.lines().filter((line) => line.requestId === 'loud-1')).toHaveLength(2);
    await app.close();
  });
});
