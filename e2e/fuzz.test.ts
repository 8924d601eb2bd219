import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Caller, type Fixture } from './fuzz/fixture.js';
import {
  HOSTILE_VALUES,
  InputOracle,
  mutate,
  OperationInputs,
  poisonsPrototype,
  urlOf,
  type Json,
  type Mutation,
  type Operation,
  type RequestInput,
  type Site,
} from './fuzz/hostile-input.js';
import { startPlatform, type Platform } from './platform.js';

/**
 * Who calls each operation of the document (API.md's "who"): a role allowed to, so that a
 * hostile request is judged by the route's validation and handler, not turned away at the door.
 * It is also the list of operations this test expects: one missing from the document, or one
 * added to it and not here, fails it.
 */
const CALLERS: Record<string, Caller> = {
  'POST /api/auth/register': 'anonymous',
  'POST /api/auth/verify-email': 'anonymous',
  'POST /api/auth/resend-verification': 'anonymous',
  'POST /api/auth/forgot-password': 'anonymous',
  'POST /api/auth/reset-password': 'anonymous',
  'POST /api/auth/change-password': 'account',
  'POST /api/auth/2fa/enable': 'account',
  'POST /api/auth/2fa/disable': 'account',
  'GET /api/auth/me': 'account',
  'PATCH /api/auth/me': 'account',
  'POST /api/auth/login': 'anonymous',
  'POST /api/auth/login/2fa': 'anonymous',
  'POST /api/auth/refresh': 'anonymous',
  'POST /api/auth/logout': 'anonymous',
  'POST /api/auth/logout-all': 'account',
  'GET /api/auth/users': 'admin',
  'GET /api/auth/users/{id}': 'admin',
  'DELETE /api/auth/users/{id}': 'admin',
  'PATCH /api/auth/users/{id}/status': 'admin',
  'GET /api/auth/.well-known/jwks.json': 'anonymous',
  'POST /api/businesses': 'vendor',
  'GET /api/businesses': 'anonymous',
  'GET /api/businesses/me': 'vendor',
  'GET /api/businesses/{id}': 'anonymous',
  'PATCH /api/businesses/{id}': 'vendor',
  'DELETE /api/businesses/{id}': 'vendor',
  'PATCH /api/businesses/{id}/status': 'admin',
  'PATCH /api/businesses/{id}/verify': 'admin',
  'GET /api/businesses/{id}/schedule': 'anonymous',
  'PUT /api/businesses/{id}/schedule': 'vendor',
  'DELETE /api/businesses/{id}/schedule': 'vendor',
  'POST /api/resources': 'vendor',
  'GET /api/resources': 'anonymous',
  'POST /api/resources/bulk': 'vendor',
  'GET /api/resources/stats': 'vendor',
  'GET /api/resources/{id}': 'anonymous',
  'PATCH /api/resources/{id}': 'vendor',
  'DELETE /api/resources/{id}': 'vendor',
  'PATCH /api/resources/{id}/status': 'vendor',
  'GET /api/resources/{id}/schedule': 'anonymous',
  'PUT /api/resources/{id}/schedule': 'vendor',
  'DELETE /api/resources/{id}/schedule': 'vendor',
  'POST /api/resources/categories': 'vendor',
  'GET /api/resources/categories': 'anonymous',
  'GET /api/resources/categories/{id}': 'anonymous',
  'PATCH /api/resources/categories/{id}': 'vendor',
  'DELETE /api/resources/categories/{id}': 'vendor',
  'GET /api/bookings/availability': 'anonymous',
  'POST /api/bookings': 'customer',
  'GET /api/bookings': 'customer',
  'GET /api/bookings/{id}': 'customer',
  'GET /api/bookings/{id}/history': 'customer',
  'POST /api/bookings/{id}/confirm': 'vendor',
  'POST /api/bookings/{id}/check-in': 'vendor',
  'POST /api/bookings/{id}/complete': 'vendor',
  'POST /api/bookings/{id}/no-show': 'vendor',
  'POST /api/bookings/{id}/cancel': 'customer',
  'POST /api/bookings/{id}/reschedule': 'customer',
  'GET /api/payments': 'customer',
  'GET /api/payments/{id}': 'customer',
  'POST /api/payments/{id}/retry': 'customer',
  'POST /api/payments/{id}/refund': 'vendor',
  'POST /api/payments/{id}/simulate': 'customer',
  'GET /api/payments/checkout/{sessionRef}': 'anonymous',
  'POST /api/payments/checkout/{sessionRef}': 'anonymous',
  'POST /api/payments/webhooks/{provider}': 'anonymous',
};

/**
 * Commands whose valid input changes nothing stored here: signing in, refreshing or signing out
 * with credentials nobody holds. Like reads, they get every variant, valid ones included (a SQL
 * payload is a well-formed password); every other command gets only input it must refuse, since
 * valid input would rightly change the data this test checks is unchanged.
 */
const HARMLESS_COMMANDS = new Set([
  'POST /api/auth/login',
  'POST /api/auth/login/2fa',
  'POST /api/auth/refresh',
  'POST /api/auth/logout',
]);

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
/** Per operation: the runs fast-check adds to one example for every site (bounded, for time). */
const RANDOM_RUNS = 5;
const SEED = 20_260_601;

const DAY_MS = 86_400_000;

/** The real id each path parameter takes: the fixture's, so that requests reach the handler. */
function realParams(template: string, fx: Fixture): Record<string, string> {
  const ids: [RegExp, string][] = [
    [/^\/api\/auth\/users\/\{id\}/, fx.sessions.account.user.id],
    [/^\/api\/businesses\/\{id\}/, fx.businessId],
    [/^\/api\/resources\/categories\/\{id\}/, fx.categoryId],
    [/^\/api\/resources\/\{id\}/, fx.resourceId],
    [/^\/api\/bookings\/\{id\}/, fx.bookingId],
    [/^\/api\/payments\/\{id\}/, fx.paymentId],
    [/\{sessionRef\}/, fx.sessionRef],
    [/\{provider\}/, 'simulated'],
  ];
  const params: Record<string, string> = {};
  for (const [, name] of template.matchAll(/\{(\w+)\}/g)) {
    const id = ids.find(([pattern]) => pattern.test(template))?.[1];
    if (!id) throw new Error(`no fixture id for ${name} in ${template}: add one`);
    params[name!] = id;
  }
  return params;
}

/** Query parameters that make a read go somewhere: the fixture's resource and a real window. */
function realQuery(key: string, fx: Fixture): Record<string, Json> {
  const tomorrow = Math.ceil(Date.now() / DAY_MS) * DAY_MS + DAY_MS;
  if (key === 'GET /api/bookings/availability') {
    return {
      resourceId: fx.resourceId,
      from: new Date(tomorrow).toISOString(),
      to: new Date(tomorrow + 2 * DAY_MS).toISOString(),
    };
  }
  if (key === 'GET /api/resources/categories') return { businessId: fx.businessId };
  return {};
}

/** Whether a field an error names is the site a mutation broke, or within it, or around it. */
function namesSite(field: string, mutation: Mutation): boolean {
  const site = [
    mutation.location,
    ...mutation.path,
    ...(mutation.kind === 'unknown' ? [mutation.key!] : []),
  ].join('.');
  // The gateway checks a whole path before routing it, as its catch-all route's parameter.
  if (field === 'params.*') return mutation.location === 'params';
  return field === site || site.startsWith(`${field}.`) || field.startsWith(`${site}.`);
}

/** A mutation in a few words: `replace body.name = 100 KB`. */
const mutationText = (m: Mutation): string =>
  `${m.kind} ${[m.location, ...m.path, ...(m.key ? [m.key] : [])].join('.')}` +
  (m.hostile ? ` = ${m.hostile.label}` : '');

interface ErrorEnvelope {
  error: {
    code: string;
    message: string;
    requestId: string;
    details?: { fields?: { field: string; message: string }[] };
  };
}

describe('hostile input on every operation of the merged OpenAPI document', () => {
  let platform: Platform;
  let fx: Fixture;
  let operations: [string, OperationInputs][];
  let before: Record<string, unknown>;

  /** Everything the fixture holds, read back through the API as an admin (and each session). */
  async function storedData(): Promise<Record<string, unknown>> {
    const reads: Record<string, string> = {
      users: '/api/auth/users?limit=100',
      // An admin sees businesses of every status.
      businesses: '/api/businesses?limit=100',
      business: `/api/businesses/${fx.businessId}`,
      businessSchedule: `/api/businesses/${fx.businessId}/schedule`,
      resources: `/api/resources?businessId=${fx.businessId}&limit=100`,
      deletedResources: `/api/resources?businessId=${fx.businessId}&status=DELETED&limit=100`,
      resource: `/api/resources/${fx.resourceId}`,
      resourceSchedule: `/api/resources/${fx.resourceId}/schedule`,
      categories: `/api/resources/categories?businessId=${fx.businessId}&limit=100`,
      category: `/api/resources/categories/${fx.categoryId}`,
      bookings: '/api/bookings?limit=100',
      history: `/api/bookings/${fx.bookingId}/history`,
      payments: '/api/payments?limit=100',
      payment: `/api/payments/${fx.paymentId}`,
    };
    const read = async (url: string, token: string) => {
      const response = await platform.gateway.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: response.statusCode, body: response.json<unknown>() };
    };
    const data: Record<string, unknown> = {};
    for (const [name, url] of Object.entries(reads)) {
      data[name] = await read(url, fx.sessions.admin.accessToken);
    }
    // Every session still signed in, as the same user: no password, 2FA or sign-out changed.
    for (const [name, session] of Object.entries(fx.sessions)) {
      data[`me as ${name}`] = await read('/api/auth/me', session.accessToken);
    }
    return data;
  }

  beforeAll(async () => {
    platform = await startPlatform();
    fx = await createFixture(platform);
    const response = await platform.gateway.inject({
      method: 'GET',
      url: '/api/docs/openapi.json',
    });
    const document = response.json<{ paths: Record<string, Record<string, Operation>> }>();
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, operation]): [string, OperationInputs] => [
          `${method.toUpperCase()} ${path}`,
          new OperationInputs(method.toUpperCase(), path, operation),
        ]),
    );
    before = await storedData();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('has every operation this test knows a caller for, and no other', () => {
    expect(operations.map(([key]) => key).sort()).toEqual(Object.keys(CALLERS).sort());
    expect(operations).toHaveLength(66);
  });

  it('answers every hostile request with a 4xx in the envelope, never a 5xx', async ({
    annotate,
  }) => {
    const oracle = new InputOracle();
    /** How many requests got each status. */
    const statuses = new Map<number, number>();
    const send = async (key: string, inputs: OperationInputs, input: RequestInput) => {
      const caller = CALLERS[key]!;
      const token = caller === 'anonymous' ? undefined : fx.sessions[caller].accessToken;
      const response = await platform.gateway.inject({
        method: inputs.method as 'GET',
        url: urlOf(inputs.template, input),
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(input.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(input.body === undefined ? {} : { payload: JSON.stringify(input.body) }),
      });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      return response;
    };

    /** What is wrong with the API's answer to `input` (nothing, it is hoped). */
    const problemsOf = (
      inputs: OperationInputs,
      response: LightMyRequestResponse,
      input: RequestInput,
      mutations: readonly Mutation[],
    ): string[] => {
      const status = response.statusCode;
      if (status >= 500) return ['a 5xx'];
      // Valid input (on a read or a harmless command) may be refused for what it means (404,
      // 401, a window the wrong way round); input the document calls malformed must be.
      const valid = oracle.isValid(inputs, input);
      if (!valid && status < 400) return ['malformed input accepted'];
      if (status < 400) return [];
      // The checkout page says "no such session" as a page; what the gateway refuses before it
      // gets there (a path with an encoded slash) is in the envelope like any other refusal.
      const html = /^text\/html/.test(String(response.headers['content-type']));
      if (html && inputs.answersHtml(status)) return [];
      let error: ErrorEnvelope['error'] | undefined;
      try {
        error = response.json<ErrorEnvelope>().error;
      } catch {
        return ['not JSON'];
      }
      if (typeof error?.code !== 'string' || typeof error.message !== 'string') {
        return ['not the error envelope'];
      }
      // A head over 16 KiB (a 100 KB URL, which only inject gets past the gateway's own parser)
      // is refused by the service's HTTP parser before it can read the request's id.
      if (status !== 431 && error.requestId !== response.headers['x-request-id']) {
        return ['requestId is not the x-request-id'];
      }
      // A body refused whole (a prototype-poisoning key) names no field; otherwise every
      // malformed input is named, and when one thing was broken, that thing.
      if (valid || error.code !== 'VALIDATION_ERROR' || poisonsPrototype(input.body)) return [];
      const fields = error.details?.fields ?? [];
      if (fields.length === 0) return ['no field named'];
      const [only] = mutations;
      if (mutations.length === 1 && !fields.some(({ field }) => namesSite(field, only!))) {
        return ['the broken field is not named'];
      }
      return [];
    };

    for (const [index, [key, inputs]] of operations.entries()) {
      const baseline = inputs.baseline(realParams(inputs.template, fx), realQuery(key, fx));
      const mayBeValid = inputs.method === 'GET' || HARMLESS_COMMANDS.has(key);
      // What may be sent: anything to a read or a harmless command, input it must refuse to others.
      const sendable = (mutations: readonly Mutation[]) =>
        mayBeValid || !oracle.isValid(inputs, mutate(baseline, mutations));
      const variants = fc
        .uniqueArray(fc.oneof(...inputs.sites.map((site) => inputs.mutationsAt(site))), {
          minLength: 1,
          maxLength: 3,
          selector: (m) => `${m.location} ${m.path.join('.')} ${m.key ?? ''}`,
        })
        .filter(sendable);
      // One example at each site first, its value taken in turn from the hostile list (the
      // next one the route must refuse, when only those may be sent).
      const examples = inputs.sites.flatMap((site: Site, at): [Mutation[]][] => {
        for (let turn = 0; turn < HOSTILE_VALUES.length; turn += 1) {
          const hostile = HOSTILE_VALUES[(index + at + turn) % HOSTILE_VALUES.length]!;
          const keys = site.keys ?? [];
          const mutation: Mutation = {
            ...site,
            ...(site.kind === 'remove' ? {} : { hostile }),
            ...(site.kind === 'unknown' ? { key: keys[(at + turn) % keys.length]! } : {}),
          };
          if (sendable([mutation])) return [[[mutation]]];
        }
        return [];
      });
      await fc.assert(
        fc.asyncProperty(variants, async (mutations) => {
          const input = mutate(baseline, mutations);
          const response = await send(key, inputs, input);
          const what = `${key} ${mutations.map(mutationText).join(', ')}`;
          expect(
            problemsOf(inputs, response, input, mutations),
            `${what} → ${response.statusCode} ${response.body.slice(0, 300)}`,
          ).toEqual([]);
        }),
        // The examples count among the runs: the random ones come on top.
        { seed: SEED + index, numRuns: examples.length + RANDOM_RUNS, examples },
      );
    }
    const requests = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    const tally = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
    await annotate(`${operations.length} operations, ${requests} requests (${tally.join(', ')})`);
    const sites = operations.reduce((sum, [, inputs]) => sum + inputs.sites.length, 0);
    expect(requests).toBeGreaterThanOrEqual(sites + operations.length * RANDOM_RUNS);
  }, 180_000);

  it('changed nothing stored: the fixture reads back the same', async () => {
    expect(await storedData()).toEqual(before);
  });
});
