import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import fc from 'fast-check';

/**
 * Hostile requests derived from an operation of the OpenAPI document: its own request schema
 * (body, query, path) says where input goes and what it must be; each variant breaks it in one
 * or more places, and an oracle built from the same schema says whether the result is still
 * valid input (then the API may accept it) or not (then it must be refused with a 4xx).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: Json[];
  const?: Json;
  examples?: Json[];
  default?: Json;
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
}

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}

/** Where an input goes, named as the API's validation errors name it (`body.name`). */
export type Location = 'body' | 'querystring' | 'params';

/** One place in a request that a variant breaks, and how. */
export interface Site {
  location: Location;
  /** From the location's root: property names and array indexes. */
  path: (string | number)[];
  /**
   * `replace`: the value there (added when absent) becomes a hostile one; `remove`: a required
   * property is left out; `unknown`: a property the schema does not declare is added there.
   */
  kind: 'replace' | 'remove' | 'unknown';
  /** `unknown`: the names the schema does not declare there. */
  keys?: readonly string[];
}

export interface Mutation extends Site {
  /** `unknown`: the added property's name. */
  key?: string;
  /** `replace` and `unknown`: what is put there. */
  hostile?: Hostile;
}

/** The inputs of a request, before they are put on the wire. */
export interface RequestInput {
  params: Record<string, string>;
  query: Record<string, Json>;
  /** `undefined`: no body at all. */
  body: Json | undefined;
}

/** A hostile value, shown by its label in fast-check's reports (one is 100 KB long). */
export interface Hostile {
  label: string;
  value: Json;
}

const hostile = (label: string, value: Json): Hostile =>
  Object.assign({ label, value }, { [fc.toStringMethod]: () => label });

/**
 * What an attacker or a broken client sends, for any field: wrong types, text a database or a
 * parser chokes on, numbers at the edges of what JSON and JavaScript hold, dates that do not
 * exist, SQL and script payloads.
 */
export const HOSTILE_VALUES: readonly Hostile[] = [
  // Wrong types, whatever the field's type is.
  hostile('true', true),
  hostile('null', null),
  hostile('[]', []),
  hostile('{$gt:""}', { $gt: '' }),
  hostile('["x"]', ['x']),
  // Text.
  hostile('""', ''),
  hostile('100 KB', 'a'.repeat(100 * 1024)),
  hostile('NUL', 'a\u0000b'),
  hostile('lone surrogate', '\ud800'),
  hostile('"NaN"', 'NaN'),
  // Numbers at the edges.
  hostile('-1', -1),
  hostile('0', 0),
  hostile('2^53', 2 ** 53),
  hostile('1e308', 1e308),
  hostile('0.5', 0.5),
  // Dates: the year 0, a 30th of February, a leap second at the end of 9999.
  hostile('year 0', '0000-01-01T00:00:00Z'),
  hostile('30 February', '2026-02-30T10:00:00Z'),
  hostile('leap second', '9999-12-31T23:59:60Z'),
  // Injection.
  hostile('SQL or', "' OR 1=1 --"),
  hostile('SQL drop', "'; DROP TABLE bookings; --"),
  hostile('script', '<script>alert(1)</script>'),
];

/** Names a client has no business sending: ownership, privilege, the prototype. */
const UNKNOWN_KEYS = ['ownerId', 'role', 'isVerified', 'status', '__proto__', 'zz_unknown'];

/** Sets an own property, `__proto__` included (an assignment would set the prototype). */
function setOwn(target: Record<string, Json> | Json[], key: string | number, value: Json): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

const isObject = (value: Json | undefined): value is { [key: string]: Json } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The branch of a union a valid sample is made from: the first that is not `null`. */
const concrete = (schema: JsonSchema): JsonSchema => {
  const branches = schema.anyOf ?? schema.oneOf;
  if (!branches) return schema;
  return concrete(branches.find((branch) => branch.type !== 'null') ?? branches[0]!);
};

/**
 * A valid value of `schema`, with every optional property and one item of every array, so that
 * every field the schema declares is there to be broken. Examples and defaults come first: the
 * document gives one for every constrained string.
 */
export function sampleOf(schema: JsonSchema): Json {
  const own = concrete(schema);
  if (own.const !== undefined) return own.const;
  if (own.examples?.length) return structuredClone(own.examples[0]!);
  if (own.enum?.length) return own.enum[0]!;
  if (own.default !== undefined) return structuredClone(own.default);
  const type = Array.isArray(own.type) ? own.type.find((t) => t !== 'null') : own.type;
  switch (type) {
    case 'object': {
      const value: Record<string, Json> = {};
      for (const [key, property] of Object.entries(own.properties ?? {})) {
        setOwn(value, key, sampleOf(property));
      }
      return value;
    }
    case 'array':
      if (own.prefixItems) return own.prefixItems.map(sampleOf);
      return own.items ? [sampleOf(own.items)] : [];
    case 'integer':
    case 'number':
      return own.minimum ?? (own.exclusiveMinimum === undefined ? 1 : own.exclusiveMinimum + 1);
    case 'boolean':
      return false;
    case 'string':
      return 'x'.repeat(Math.max(own.minLength ?? 1, 1));
    case undefined:
    default:
      return null;
  }
}

/** Every site of a value of `schema` at `path`: its properties, required ones, its items. */
function* sitesOf(
  schema: JsonSchema,
  location: Location,
  path: (string | number)[],
  depth: number,
): Generator<Site> {
  const own = concrete(schema);
  if (own.properties) {
    const declared = own.properties;
    const keys = UNKNOWN_KEYS.filter((key) => !Object.hasOwn(declared, key));
    yield { location, path, kind: 'unknown', keys };
    for (const [key, property] of Object.entries(own.properties)) {
      yield { location, path: [...path, key], kind: 'replace' };
      if (own.required?.includes(key)) yield { location, path: [...path, key], kind: 'remove' };
      if (depth > 0) yield* sitesOf(property, location, [...path, key], depth - 1);
    }
  }
  if (depth > 0 && own.prefixItems) {
    for (const [index, item] of own.prefixItems.entries()) {
      yield { location, path: [...path, index], kind: 'replace' };
      yield* sitesOf(item, location, [...path, index], depth - 1);
    }
  } else if (depth > 0 && own.items) {
    yield { location, path: [...path, 0], kind: 'replace' };
    yield* sitesOf(own.items, location, [...path, 0], depth - 1);
  }
}

const NESTING = 4;

/** How an operation takes input, and where each part of it may be broken. */
export class OperationInputs {
  readonly sites: Site[];
  readonly bodySchema: JsonSchema | undefined;
  private readonly query: Parameter[];
  private readonly path: Parameter[];

  constructor(
    readonly method: string,
    readonly template: string,
    private readonly operation: Operation,
  ) {
    const parameters = operation.parameters ?? [];
    this.query = parameters.filter((p) => p.in === 'query');
    this.path = parameters.filter((p) => p.in === 'path');
    this.bodySchema = operation.requestBody?.content['application/json']?.schema;
    const queryObject = this.querySchema();
    this.sites = [
      ...this.path.map((p): Site => ({ location: 'params', path: [p.name], kind: 'replace' })),
      // A route that declares no query parameters ignores the query string (HTTP's custom, and
      // API.md binds only body fields): an unknown one there is broken input only where the
      // route reads the query at all, or on a read, where ignoring it changes nothing.
      ...(this.query.length > 0 || method === 'GET'
        ? sitesOf(queryObject, 'querystring', [], 0)
        : []),
      // A body nobody reads is not sent with a GET (HTTP gives it no meaning); every other
      // method's body is broken input when the route takes none (API.md: unknown fields, 400).
      ...(this.bodySchema
        ? [
            { location: 'body', path: [], kind: 'replace' } as Site,
            ...sitesOf(this.bodySchema, 'body', [], NESTING),
          ]
        : method === 'GET'
          ? []
          : [{ location: 'body', path: [], kind: 'unknown', keys: UNKNOWN_KEYS } as Site]),
    ];
  }

  /** Whether the document says this status answers with a page (the checkout's), not JSON. */
  answersHtml(status: number): boolean {
    return Boolean(this.operation.responses[String(status)]?.content?.['text/html']);
  }

  /** The query parameters as one object schema, the way the services validate them. */
  querySchema(): JsonSchema {
    return {
      type: 'object',
      properties: Object.fromEntries(this.query.map((p) => [p.name, p.schema])),
      required: this.query.filter((p) => p.required).map((p) => p.name),
      // A route with query parameters refuses others (every such route is strict); one with
      // none ignores the query string.
      additionalProperties: this.query.length === 0,
    };
  }

  pathSchema(): JsonSchema {
    return {
      type: 'object',
      properties: Object.fromEntries(this.path.map((p) => [p.name, p.schema])),
      required: this.path.map((p) => p.name),
    };
  }

  /**
   * A valid request: real ids in the path, the required query parameters (or `query` given),
   * a body of every declared field. It is never sent as it is: only broken.
   */
  baseline(params: Record<string, string>, query: Record<string, Json> = {}): RequestInput {
    const required = this.query.filter((p) => p.required && !(p.name in query));
    return {
      params,
      query: { ...Object.fromEntries(required.map((p) => [p.name, sampleOf(p.schema)])), ...query },
      body: this.bodySchema ? sampleOf(this.bodySchema) : undefined,
    };
  }

  /** Every mutation that may happen at a site: each hostile value, each unknown key. */
  mutationsAt(site: Site): fc.Arbitrary<Mutation> {
    const values = fc.constantFrom(...HOSTILE_VALUES);
    if (site.kind === 'remove') return fc.constant(site);
    if (site.kind === 'unknown') {
      return fc
        .record({ key: fc.constantFrom(...site.keys!), hostile: values })
        .map((m) => ({ ...site, ...m }));
    }
    return values.map((value) => ({ ...site, hostile: value }));
  }
}

/** `input` with `mutations` applied (a copy). */
export function mutate(input: RequestInput, mutations: readonly Mutation[]): RequestInput {
  const copy: { params: Json; querystring: Json; body: Json | undefined } = structuredClone({
    params: input.params,
    querystring: input.query,
    body: input.body,
  });
  for (const mutation of mutations) {
    // Hostile values are shared constants: each use gets its own copy.
    const value = structuredClone(mutation.hostile?.value ?? null);
    if (mutation.path.length === 0 && mutation.kind === 'replace') {
      copy[mutation.location] = value;
      continue;
    }
    const keys = [
      mutation.location,
      ...mutation.path,
      ...(mutation.kind === 'unknown' ? [mutation.key!] : []),
    ];
    let at = copy as Record<string, Json> | Json[];
    for (const [index, key] of keys.slice(0, -1).entries()) {
      // A hostile value may have replaced the container an earlier mutation went into: a new one.
      const array = typeof keys[index + 1] === 'number';
      const next = (at as Record<string, Json>)[key];
      if (array ? !Array.isArray(next) : !isObject(next)) setOwn(at, key, array ? [] : {});
      at = (at as Record<string, Json>)[key] as Record<string, Json> | Json[];
    }
    const last = keys.at(-1)!;
    if (mutation.kind === 'remove') delete (at as Record<string, Json>)[last];
    else setOwn(at, last, value);
  }
  return {
    params: Object.fromEntries(
      Object.entries(copy.params as Record<string, Json>).map(([k, v]) => [k, pathText(v)]),
    ),
    query: copy.querystring as Record<string, Json>,
    body: copy.body,
  };
}

/** A hostile value in a path segment: its text (a path holds nothing else). */
const pathText = (value: Json): string =>
  typeof value === 'string' ? value : value === null ? 'null' : JSON.stringify(value);

const LONE_SURROGATE = /([\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/;

/**
 * Percent-encoding that does not throw on a lone surrogate (encodeURIComponent does): its
 * three-byte form (WTF-8), which is what a sloppy client puts on the wire and no valid UTF-8.
 */
export function encodeUrlComponent(text: string): string {
  return text
    .split(LONE_SURROGATE)
    .map((part, index) => {
      if (index % 2 === 0) return encodeURIComponent(part);
      const unit = part.charCodeAt(0);
      return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    })
    .join('');
}

/** The query string: a list is the parameter repeated, an object its JSON, null an empty value. */
export function queryString(query: Record<string, Json>): string {
  const pairs = Object.entries(query).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map(
      (item) =>
        `${encodeUrlComponent(key)}=${encodeUrlComponent(
          typeof item === 'string' ? item : item === null ? '' : JSON.stringify(item),
        )}`,
    ),
  );
  return pairs.length ? `?${pairs.join('&')}` : '';
}

export function urlOf(template: string, input: RequestInput): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeUrlComponent(input.params[name]!),
  );
  return path + queryString(input.query);
}

/** Holds text no column can store anywhere, keys included. */
function holdsUnstorableText(value: Json | undefined): boolean {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(
    ([key, item]) => holdsUnstorableText(key) || holdsUnstorableText(item),
  );
}

/**
 * Whether a body carries a `__proto__` key: a prototype-poisoning attempt, which the JSON parser
 * refuses whole (400, before any schema, so no field is named).
 */
export function poisonsPrototype(value: Json | undefined): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, item]) => key === '__proto__' || poisonsPrototype(item));
}

/** The query as the server reads it off the wire (malformed UTF-8 decodes to U+FFFD there). */
function queryAsReceived(query: Record<string, Json>): Record<string, Json> {
  const received: Record<string, Json> = {};
  for (const [key, value] of new URLSearchParams(queryString(query))) {
    const before = received[key];
    setOwn(received, key, before === undefined ? value : [before, value].flat());
  }
  return received;
}

/**
 * Judges input by the document's schemas: ajv (JSON Schema 2020-12, the dialect of OpenAPI
 * 3.1) for each part, plus the rule API.md sets for all routes, that text a column cannot store
 * (NUL, a lone surrogate) is refused. Formats are checked by the patterns the document pairs
 * them with.
 */
export class InputOracle {
  private readonly strict = new Ajv2020(OPTIONS);
  // Query values arrive as text: "5" is the integer 5, as the services coerce it.
  private readonly coercing = new Ajv2020({ ...OPTIONS, coerceTypes: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  private validator(ajv: Ajv2020, key: string, schema: JsonSchema): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = ajv.compile(schema);
      this.compiled.set(key, validate);
    }
    return validate;
  }

  /** Whether the API must accept `input` as well-formed (it may still refuse it on other grounds). */
  isValid(inputs: OperationInputs, input: RequestInput): boolean {
    if (holdsUnstorableText(input.params) || holdsUnstorableText(input.body)) return false;
    const key = `${inputs.method} ${inputs.template}`;
    const query = queryAsReceived(input.query);
    if (holdsUnstorableText(query)) return false;
    const params = this.validator(this.strict, `${key} params`, inputs.pathSchema());
    const querystring = this.validator(this.coercing, `${key} query`, inputs.querySchema());
    if (!params(input.params) || !querystring(structuredClone(query))) return false;
    if (!inputs.bodySchema) {
      // A route that takes no body takes nothing (`{}` and `null` are nothing).
      return (
        input.body === undefined ||
        input.body === null ||
        (isObject(input.body) && Object.keys(input.body).length === 0)
      );
    }
    const body = this.validator(this.strict, `${key} body`, inputs.bodySchema);
    return body(input.body === undefined ? null : input.body);
  }
}

const OPTIONS = {
  strict: false,
  allErrors: false,
  formats: { uuid: true, 'date-time': true, date: true, email: true },
} as const;
