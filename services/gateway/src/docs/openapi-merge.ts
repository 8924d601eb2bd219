import { errorResponseObject } from '@slotwise/platform/http';
import { isCatalogRoute, isPublicRoute } from '../access/public-routes.js';
import type { UpstreamGroup } from '../proxy/upstream-group.js';

type Json = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: string;
  info: Json;
  servers?: Json[];
  paths: Record<string, Record<string, Json>>;
  components: { schemas?: Json; securitySchemes?: Json };
  security?: Json[];
  tags?: Json[];
}

/** A service's own document, by the name the gateway knows it by; undefined when it is down. */
export interface ServiceDocument {
  name: string;
  document: OpenApiDocument | undefined;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * An operation as the gateway serves it: tagged (with its service's name when it has no tag of its
 * own), marked public when API.md says so, with the refusals the gateway adds: 401 where it checks
 * the access token (every route but the sign-in and payment-callback ones; on the catalog, a token
 * that is sent must be valid) and 429 from its rate limits everywhere.
 */
function asServed(service: string, method: string, path: string, operation: Json): Json {
  const openPath = path.replace(/\{[^}]+\}/g, 'x');
  const isPublic = isPublicRoute(method, openPath);
  const checksToken = !isPublic || isCatalogRoute(method, openPath);
  const responses: Record<string, Json> = {
    ...(operation.responses as Record<string, Json> | undefined),
  };
  if (checksToken) responses['401'] ??= errorResponseObject('401');
  responses['429'] ??= errorResponseObject('429');
  const tags = operation.tags as string[] | undefined;
  return {
    ...operation,
    tags: tags?.length ? tags : [service],
    ...(isPublic ? { security: [] } : {}),
    responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/**
 * The services' documents as one: their `/api/...` operations as served (internal routes stay
 * internal), the named schemas of all, and the tags the operations use, each once, so that Swagger
 * UI shows no empty group. A part that is missing is named in the description.
 */
export function mergeOpenApiDocuments(
  parts: readonly ServiceDocument[],
  publicUrl: string,
): OpenApiDocument {
  const merged: OpenApiDocument = {
    openapi: '3.1.0',
    info: {
      title: 'Slotwise API',
      version: '1.0.0',
      description:
        'The public HTTP API of Slotwise, served by the gateway. Errors always have the shape ' +
        '{ error: { code, message, details?, requestId } }.',
    },
    servers: [{ url: publicUrl }],
    paths: {},
    components: {
      schemas: {},
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    security: [{ bearerAuth: [] }],
    tags: [],
  };
  const missing: string[] = [];
  for (const { name, document } of parts) {
    if (!document) {
      missing.push(name);
      continue;
    }
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, operation] of Object.entries(item)) {
        if (!HTTP_METHODS.includes(method)) continue;
        merged.paths[path] = {
          ...merged.paths[path],
          [method]: asServed(name, method.toUpperCase(), path, operation),
        };
      }
    }
    Object.assign(merged.components.schemas ?? {}, document.components?.schemas ?? {});
  }
  const used = Object.values(merged.paths).flatMap((item) =>
    Object.values(item).flatMap((operation) => operation.tags as string[]),
  );
  merged.tags = [...new Set(used)].map((name) => ({ name }));
  if (missing.length > 0) {
    merged.info.description = `${String(merged.info.description)} (Unavailable now: ${missing.join(', ')}.)`;
  }
  return merged;
}

/**
 * One OpenAPI 3.1 document for the whole public API, merged from the services' own documents (each
 * built from its route schemas, fetched from their `/openapi.json`). Cached briefly; a service
 * that is down leaves its part out rather than failing the page.
 */
export class OpenApiMerger {
  private cached: { at: number; document: OpenApiDocument } | undefined;
  private refreshing: Promise<OpenApiDocument> | undefined;

  constructor(
    private readonly upstreams: { name: string; group: UpstreamGroup }[],
    private readonly publicUrl: string,
    private readonly ttlMs = 30_000,
  ) {}

  /** The last merged document, fetching it when missing or older than the TTL. */
  async document(): Promise<OpenApiDocument> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.document;
    this.refreshing ??= this.merge().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  current(): OpenApiDocument | undefined {
    return this.cached?.document;
  }

  private async fetchOne(group: UpstreamGroup): Promise<OpenApiDocument | undefined> {
    try {
      const response = await group.request({
        method: 'GET',
        path: '/openapi.json',
        headers: { accept: 'application/json' },
      });
      const text = await response.body
        .setEncoding('utf8')
        .toArray()
        .then((parts) => parts.join(''));
      return response.statusCode === 200 ? (JSON.parse(text) as OpenApiDocument) : undefined;
    } catch {
      return undefined;
    }
  }

  private async merge(): Promise<OpenApiDocument> {
    const parts = await Promise.all(this.upstreams.map(({ group }) => this.fetchOne(group)));
    const merged = mergeOpenApiDocuments(
      parts.map((document, index) => ({ name: this.upstreams[index]!.name, document })),
      this.publicUrl,
    );
    // A document missing a service is served but not kept: the next request tries again.
    if (parts.every(Boolean)) this.cached = { at: Date.now(), document: merged };
    return merged;
  }
}
