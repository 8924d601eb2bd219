import { request as httpRequest } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { createHttpApp, idParams, type HttpApp } from '@slotwise/platform/http';
import { createLogger } from '@slotwise/platform/logger';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Answer {
  status: number;
  body: string;
}

/** A raw request on a real socket: what inject() cannot send (huge headers, a huge path). */
function raw(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function errorOf(body: string): { code: string; details?: { fields?: { field: string }[] } } {
  return (JSON.parse(body) as { error: { code: string } }).error;
}

const BODY_LIMIT = 64 * 1024;

/** Sends the headers and `partial` of a body announced `length` bytes long, then nothing more. */
function neverEndingBody(port: number, length: number, partial: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `POST /notes HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n` +
          `content-length: ${length}\r\n\r\n${partial}`,
      );
    });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body });
    });
    socket.on('error', reject);
  });
}

describe('hostile input: one rule for text, nesting and transport limits', () => {
  let app: HttpApp;
  let port: number;
  const stored: unknown[] = [];

  beforeAll(async () => {
    app = await createHttpApp({
      service: 'demo',
      logger: createLogger({ service: 'demo', level: 'silent' }),
      bodyLimit: BODY_LIMIT,
      requestTimeoutMs: 600,
    });
    app.post(
      '/notes',
      {
        schema: {
          body: z.strictObject({
            text: z.string().max(10_000),
            meta: z.record(z.string(), z.unknown()).optional(),
          }),
        },
      },
      async (request, reply) => {
        stored.push(request.body);
        return reply.status(201).send({ data: request.body });
      },
    );
    app.get(
      '/notes',
      { schema: { querystring: z.strictObject({ search: z.string().optional() }) } },
      async (request) => ({ data: request.query }),
    );
    app.get('/notes/:id', { schema: { params: idParams } }, async (request) => ({
      data: request.params,
    }));
    // A command that takes no body.
    app.delete('/notes/:id', { schema: { params: idParams } }, async (request, reply) => {
      stored.push(`deleted ${request.params.id}`);
      return reply.status(204).send();
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (payload: string) =>
    app.inject({
      method: 'POST',
      url: '/notes',
      headers: { 'content-type': 'application/json' },
      payload,
    });

  it.each([
    ['a NUL byte', '{"text":"a\\u0000b"}', 'body.text'],
    ['a lone high surrogate', '{"text":"x\\ud800"}', 'body.text'],
    ['a lone low surrogate', '{"text":"\\udc00y"}', 'body.text'],
    ['a byte-order mark', '{"text":"\\ufeffadmin"}', 'body.text'],
    ['a bell character', '{"text":"ding\\u0007"}', 'body.text'],
    ['a NUL in a nested value', '{"text":"ok","meta":{"a":["x","\\u0000"]}}', 'body.meta.a.1'],
    ['a NUL in a key', '{"text":"ok","meta":{"a\\u0000":1}}', 'body.meta.(key)'],
  ])('refuses %s with 400 and the field, storing nothing', async (_what, payload, field) => {
    const before = stored.length;
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    const error = errorOf(response.body);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details?.fields?.[0]?.field).toBe(field);
    expect(stored.length).toBe(before);
  });

  it('refuses a body on a route that takes none, as an unknown field; takes nothing, null and {}', async () => {
    const url = '/notes/0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b';
    const remove = (payload?: string) =>
      app.inject({
        method: 'DELETE',
        url,
        ...(payload === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, payload }),
      });
    const before = stored.length;
    for (const payload of ['{"reason":"moved"}', '[]', '"text"', '0']) {
      const refused = await remove(payload);
      expect(refused.statusCode, payload).toBe(400);
      expect(errorOf(refused.body).details?.fields?.[0]?.field).toBe('body');
    }
    expect(stored.length).toBe(before);
    for (const payload of [undefined, 'null', '{}']) {
      expect((await remove(payload)).statusCode, payload).toBe(204);
    }
    expect(stored.length).toBe(before + 3);
  });

  it('refuses nesting 3,000 deep (well under the body limit) with 400', async () => {
    const deep = '{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000);
    const response = await post(`{"text":"ok","meta":${deep}}`);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response.body).code).toBe('VALIDATION_ERROR');
  });

  it('accepts what people write: tabs, newlines, accents, emoji and CJK', async () => {
    const text = 'Line one\n\tLine two\r\nCafé — 東京 🙂 (a pair of surrogates)';
    const response = await post(JSON.stringify({ text, meta: { nested: { deep: [1, 'ok'] } } }));
    expect(response.statusCode).toBe(201);
    expect((JSON.parse(response.body) as { data: { text: string } }).data.text).toBe(text);
  });

  it('refuses a NUL or a control character in a query string', async () => {
    for (const search of ['%00', 'a%07b', '%EF%BB%BFx']) {
      const response = await app.inject({ method: 'GET', url: `/notes?search=${search}` });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response.body).details?.fields?.[0]?.field).toBe('querystring.search');
    }
  });

  it('answers a 5,000-character path id with 400 in the envelope, and keeps serving', async () => {
    const answer = await raw(port, `/notes/${'a'.repeat(5_000)}`);
    expect(answer.status).toBe(400);
    expect(errorOf(answer.body).code).toBe('VALIDATION_ERROR');
    const ok = await raw(port, '/notes?search=ok');
    expect(ok.status).toBe(200);
  });

  it('answers a 64 KiB header with 431 in the envelope, and keeps serving', async () => {
    const answer = await raw(port, '/notes', { 'x-huge': 'h'.repeat(64 * 1024) });
    expect(answer.status).toBe(431);
    expect(errorOf(answer.body).code).toBe('HEADERS_TOO_LARGE');
    const ok = await raw(port, '/notes?search=ok');
    expect(ok.status).toBe(200);
  });

  it('answers 200 headers of ordinary size normally', async () => {
    const headers = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`x-h-${i}`, 'v']));
    const answer = await raw(port, '/notes?search=ok', headers);
    expect(answer.status).toBe(200);
  });

  it.each([
    ['at the top', '{"text":"a","text":"b"}', 'text'],
    ['in a nested object', '{"text":"a","meta":{"x":1,"y":{"k":1},"x":2}}', 'x'],
    ['spelled with an escape', '{"text":"a","t\\u0065xt":"b"}', 'text'],
  ])(
    'refuses a key that appears twice %s with 400, storing nothing',
    async (_where, payload, key) => {
      const before = stored.length;
      const response = await post(payload);
      expect(response.statusCode).toBe(400);
      const error = errorOf(response.body) as {
        code: string;
        details?: { fields?: { message: string }[] };
      };
      expect(error.code).toBe('VALIDATION_ERROR');
      expect(error.details?.fields?.[0]?.message).toBe(`the key "${key}" appears twice`);
      expect(stored.length).toBe(before);
    },
  );

  it('takes the same key in different objects, and quotes, braces and commas inside strings', async () => {
    const payload = JSON.stringify({
      text: 'a "quoted" {text}, with [brackets] and \\ "text":"x"',
      meta: { list: [{ id: 1 }, { id: 2 }], nested: { text: 'again', id: 3 } },
    });
    const response = await post(payload);
    expect(response.statusCode).toBe(201);
    expect(JSON.parse(response.body)).toEqual({ data: JSON.parse(payload) });
  });

  it('answers a body just over the limit with 413 in the envelope, and one at the limit normally', async () => {
    const frame = '{"text":""}'.length;
    const over = await post(JSON.stringify({ text: 'x'.repeat(BODY_LIMIT - frame + 1) }));
    expect(over.statusCode).toBe(413);
    expect(errorOf(over.body).code).toBe('PAYLOAD_TOO_LARGE');
    const at = await post(
      JSON.stringify({ text: 'x'.repeat(Math.min(10_000, BODY_LIMIT - frame)) }),
    );
    expect(at.statusCode).toBe(201);
  });

  it('answers a body of another type with 415 in the envelope', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const response = await app.inject({
        method: 'POST',
        url: '/notes',
        headers: { 'content-type': type },
        payload: 'text=hello',
      });
      expect(response.statusCode, type).toBe(415);
      expect(errorOf(response.body).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('answers a body that never ends with 408 in the envelope, and keeps serving others', async () => {
    const before = stored.length;
    const [stalled, meanwhile] = await Promise.all([
      neverEndingBody(port, 1_000, '{"text":"only the be'),
      raw(port, '/notes?search=meanwhile'),
    ]);
    expect(meanwhile.status).toBe(200);
    expect(stalled.status).toBe(408);
    expect(errorOf(stalled.body).code).toBe('REQUEST_TIMEOUT');
    expect(stored.length).toBe(before);
    expect((await raw(port, '/notes?search=after')).status).toBe(200);
  });
});
