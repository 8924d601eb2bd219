import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiDocument } from '../scripts/api-document.js';
import { startPlatform, type Platform } from './platform.js';

type Json = Record<string, unknown>;
type Operation = { tags?: string[]; responses: Record<string, Json> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Every operation of the document, named "METHOD /path". */
function operationsOf(document: Json): [string, Operation][] {
  return Object.entries(document.paths as Record<string, Json>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]): [string, Operation] => [
        `${method.toUpperCase()} ${path}`,
        operation as Operation,
      ]),
  );
}

/** Every object in `value` with where it is, skipping what examples hold (data, not schemas). */
function* objectsIn(
  value: unknown,
  at = '#',
  underExample = false,
): Generator<[string, Json, boolean]> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* objectsIn(item, `${at}/${i}`, underExample);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const object = value as Json;
  yield [at, object, underExample];
  const example = underExample || 'example' in object || 'examples' in object;
  for (const [key, inner] of Object.entries(object)) {
    if (key !== 'example' && key !== 'examples') yield* objectsIn(inner, `${at}/${key}`, example);
  }
}

const resolve = (document: Json, ref: string): unknown =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((at, part) => (at as Json | undefined)?.[part], document);

describe('the merged OpenAPI document (GET /api/docs/openapi.json)', () => {
  let platform: Platform;
  let document: Json;

  beforeAll(async () => {
    platform = await startPlatform();
    const response = await platform.gateway.inject({
      method: 'GET',
      url: '/api/docs/openapi.json',
    });
    if (response.statusCode !== 200) throw new Error(`no document: ${response.body}`);
    document = response.json<Json>();
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('is what `npm run check:api` builds without a running platform, the same every time', async () => {
    const { servers } = document as { servers: { url: string }[] };
    const built = await buildApiDocument(servers[0]!.url);
    expect(built).toEqual(document);
    // Nothing random in it (examples included): two builds are the same, byte for byte.
    expect(JSON.stringify(await buildApiDocument(servers[0]!.url))).toBe(JSON.stringify(built));
  });

  it('is valid OpenAPI 3.1 to a real validator, and every $ref resolves', async () => {
    // The validator dereferences its argument in place: it gets a copy.
    const copy = structuredClone(document) as unknown as Parameters<
      typeof SwaggerParser.validate
    >[0];
    await expect(SwaggerParser.validate(copy)).resolves.toBeTruthy();
    const refs = [...objectsIn(document)].flatMap(([at, object]) =>
      typeof object.$ref === 'string' ? [[at, object.$ref] as const] : [],
    );
    expect(refs.length).toBeGreaterThan(100);
    expect(refs.filter(([, ref]) => resolve(document, ref) === undefined)).toEqual([]);
  });

  it('has a tag group for every tag an operation uses, and no empty one', () => {
    const declared = (document.tags as { name: string }[]).map((tag) => tag.name);
    const used = new Set(operationsOf(document).flatMap(([, operation]) => operation.tags ?? []));
    expect(operationsOf(document).filter(([, operation]) => !operation.tags?.length)).toEqual([]);
    expect(new Set(declared)).toEqual(used);
    expect(declared).toHaveLength(used.size);
  });

  it('documents what every success answers, and every error in the envelope', () => {
    const problems: string[] = [];
    for (const [name, operation] of operationsOf(document)) {
      const responses = Object.entries(operation.responses);
      const successes = responses.filter(([status]) => /^2\d\d$|^303$/.test(status));
      if (successes.length === 0) problems.push(`${name}: no success response`);
      for (const [status, response] of responses) {
        const content = response.content as Record<string, { schema?: Json }> | undefined;
        if (!response.description || response.description === 'Default Response') {
          problems.push(`${name} ${status}: no description`);
        }
        // Only 204 and the checkout's 303 have no body.
        if (status === '204' || status === '303') continue;
        const json = content?.['application/json']?.schema;
        const html = content?.['text/html']?.schema;
        if (Number(status) >= 400 && !html && json?.$ref !== '#/components/schemas/Error') {
          problems.push(`${name} ${status}: not the error envelope`);
        }
        if (Number(status) < 400 && !html && !(json?.$ref ?? json?.properties)) {
          problems.push(`${name} ${status}: body is ${JSON.stringify(json)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The case that once read {"data": "string"}.
    const booked = (document.paths as Record<string, Record<string, Operation>>)['/api/bookings']!
      .post!.responses['201'] as { content: { 'application/json': { schema: Json } } };
    expect(booked.content['application/json'].schema).toMatchObject({
      properties: { data: { $ref: '#/components/schemas/Booking' } },
    });
  });

  it('gives every constrained string an example that satisfies it, so that Swagger UI invents none', () => {
    const missing: string[] = [];
    const wrong: string[] = [];
    for (const [at, schema, hasExample] of objectsIn(document)) {
      if (schema.type !== 'string' || !(schema.pattern ?? schema.format)) continue;
      const examples = (schema.examples as unknown[] | undefined) ?? [];
      if (!hasExample && examples.length === 0) missing.push(at);
      const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : null;
      for (const example of examples) {
        if (pattern && !pattern.test(String(example))) wrong.push(`${at}: ${String(example)}`);
      }
    }
    expect(missing).toEqual([]);
    expect(wrong).toEqual([]);
    // Instants are ordinary dates, not years like 7311.
    const instants = [...objectsIn(document)]
      .filter(([, schema]) => schema.format === 'date-time')
      .flatMap(([, schema]) => (schema.examples as string[] | undefined) ?? []);
    expect(instants.length).toBeGreaterThan(0);
    for (const instant of instants) expect(instant).toMatch(/^2026-06-\d\dT\d\d:00:00\.000Z$/);
  });
});
