import type { UpstreamGroup } from '../proxy/upstream-group.js';
import { isPublicRoute } from '../access/public-routes.js';

type Json = Record<string, unknown>;

interface OpenApiDocument {
  openapi: string;
  info: Json;
  servers?: Json[];
  paths: Record<string, Record<string, Json>>;
  components: { schemas?: Json; securitySchemes?: Json };
  security?: Json[];
  tags?: Json[];
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * One OpenAPI 3.1 document for the whole public API, merged from the services' own documents (each
 * built from its route schemas). Only `/api/...` paths are kept: internal routes stay internal.
 * Cached briefly; a service that is down leaves its part out rather than failing the page.
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
    const merged: OpenApiDocument = {
      openapi: '3.1.0',
      info: {
        title: 'Slotwise API',
        version: '1.0.0',
        description:
          'The public HTTP API of Slotwise, served by the gateway. Errors always have the shape ' +
          '{ error: { code, message, details?, requestId } }.',
      },
      servers: [{ url: this.publicUrl }],
      paths: {},
      components: {
        schemas: {},
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearerAuth: [] }],
      tags: [],
    };
    const missing: string[] = [];
    parts.forEach((part, index) => {
      const name = this.upstreams[index]!.name;
      if (!part) {
        missing.push(name);
        return;
      }
      for (const [path, item] of Object.entries(part.paths ?? {})) {
        if (!path.startsWith('/api/')) continue;
        for (const [method, operation] of Object.entries(item)) {
          if (!HTTP_METHODS.includes(method)) continue;
          const openPath = path.replace(/\{[^}]+\}/g, 'x');
          const tagged = { tags: [name], ...operation };
          merged.paths[path] = {
            ...merged.paths[path],
            [method]: isPublicRoute(method.toUpperCase(), openPath)
              ? { ...tagged, security: [] }
              : tagged,
          };
        }
      }
      Object.assign(merged.components.schemas ?? {}, part.components?.schemas ?? {});
      merged.tags?.push({ name });
    });
    if (missing.length > 0) {
      merged.info.description = `${String(merged.info.description)} (Unavailable now: ${missing.join(', ')}.)`;
    } else {
      this.cached = { at: Date.now(), document: merged };
    }
    return merged;
  }
}
