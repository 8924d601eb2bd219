import { STATUS_CODES } from 'node:http';

type Json = Record<string, unknown>;

/** Where every error response of the document points: API.md's envelope (`errorResponse`). */
export const ERROR_SCHEMA_REF = '#/components/schemas/Error';

/** What each error status means across the whole API (API.md, Conventions). */
const ERROR_MEANINGS: Record<string, string> = {
  '400': 'VALIDATION_ERROR (or the code named for this route): `details` names every bad field',
  '401': 'UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed)',
  '403': 'FORBIDDEN (or the code named for this route): the caller may not do this',
  '404': 'NOT_FOUND: no such thing, or one the caller may not see',
  '409': 'A conflict with the current state: the code says which',
  '413': 'PAYLOAD_TOO_LARGE: the body is over 1 MiB',
  '415': 'UNSUPPORTED_MEDIA_TYPE: the body is not JSON',
  '422': 'A business rule refuses it: the code says which',
  '429': 'RATE_LIMITED: too many requests; try again after `Retry-After` seconds',
  '503': 'SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds',
};

const RETRY_AFTER = {
  'retry-after': {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer' },
  },
};

/** An error response as the document states it: its meaning, the envelope, `Retry-After`. */
export function errorResponseObject(status: string): Json {
  return {
    description: ERROR_MEANINGS[status] ?? STATUS_CODES[Number(status)] ?? 'An error',
    ...(status === '429' || status === '503' ? { headers: RETRY_AFTER } : {}),
    content: { 'application/json': { schema: { $ref: ERROR_SCHEMA_REF } } },
  };
}

/**
 * Fixed examples for the string formats the routes use. Without one, Swagger UI makes up a sample
 * from the format's pattern at random (a date in the year 7311); with one, every reader and every
 * generation of the document sees the same.
 */
const FORMAT_EXAMPLES: Record<string, string> = {
  uuid: '0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
  'date-time': '2026-06-01T09:00:00.000Z',
  date: '2026-06-01',
  email: 'ada@example.com',
};

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every string schema of a known format and no example of its own gets the format's. */
function addFormatExamples(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(addFormatExamples);
    return;
  }
  if (!isObject(value)) return;
  const example = typeof value.format === 'string' ? FORMAT_EXAMPLES[value.format] : undefined;
  if (value.type === 'string' && example && !('example' in value) && !('examples' in value)) {
    value.examples = [example];
  }
  for (const [key, inner] of Object.entries(value)) {
    // An example is data, not a schema: nothing in it is touched.
    if (key !== 'example' && key !== 'examples') addFormatExamples(inner);
  }
}

const OPERATION_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/**
 * The responses every route can give whatever it declares, from what the platform does for all of
 * them: input that fails its schema or the input-text rule is 400; a body over the limit 413, one
 * that is not JSON 415; a database or another service that is down 503. Declared ones are kept;
 * "Default Response" becomes what the status means.
 */
function completeResponses(operation: Json): void {
  const responses = (operation.responses ?? {}) as Record<string, Json>;
  const hasInput = Boolean(operation.requestBody) || Array.isArray(operation.parameters);
  const implied = [
    ...(hasInput ? ['400'] : []),
    ...(operation.requestBody ? ['413', '415'] : []),
    '503',
  ];
  for (const status of implied) responses[status] ??= errorResponseObject(status);
  for (const [status, response] of Object.entries(responses)) {
    if (response.description !== 'Default Response') continue;
    response.description =
      Number(status) >= 400
        ? errorResponseObject(status).description
        : (STATUS_CODES[Number(status)] ?? 'Success');
  }
  operation.responses = Object.fromEntries(
    Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)),
  );
}

/**
 * The last step of a service's OpenAPI document (after the zod schemas are turned into JSON
 * Schema): fixed examples, and every operation's full set of responses.
 */
export function completeOpenApiDocument<Document extends Json>(document: Document): Document {
  addFormatExamples(document);
  for (const item of Object.values((document.paths ?? {}) as Record<string, Json>)) {
    for (const [method, operation] of Object.entries(item)) {
      if (OPERATION_METHODS.has(method) && isObject(operation)) completeResponses(operation);
    }
  }
  return document;
}
