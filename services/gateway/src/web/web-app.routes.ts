import fastifyStatic from '@fastify/static';
import { CommonErrors } from '@slotwise/platform/errors';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The web app's pages allow nothing from elsewhere: scripts, styles, images, fonts and API calls
 * come from this origin only, and no other site may frame them.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "img-src 'self' data:",
].join('; ');

/** Hashed file names (Vite's `assets/index-3f9a1c.js`) never change: cached for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: always revalidated. */
const REVALIDATE = 'no-cache';

/**
 * Paths that are never the web app's: the API, health and metrics keep their own 404s, and the
 * services' internal routes (never proxied) stay a plain 404 too.
 */
const NOT_THE_APP = /^\/(api|health|metrics|internal)(\/|$)/;
/** A file at the top of dist/ (favicon.svg, robots.txt), served as it is. */
const TOP_LEVEL_FILE = /^\/[A-Za-z0-9][A-Za-z0-9_.-]*\.[A-Za-z0-9]+$/;

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Slotwise: the web app is not built</title></head>
<body><main><h1>The web app is not built</h1>
<p>The API answers under <a href="/api/docs">/api/docs</a>. Build the web app with
<code>npm run build -w apps/web</code> (<code>npm start</code> does it) and reload this page.</p>
</main></body>
</html>
`;

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * Serves the built web app (`dist/` of apps/web) at `/`: hashed assets under `/assets/` with
 * immutable caching, top-level files as they are, and `index.html` for every other path that is
 * not under `/api/`, `/health` or `/metrics`, so that the app's own routes load it. The folder is
 * looked at per request: a build made while the gateway runs is served at once, and a gateway
 * started without one answers 503 with a page that says so.
 */
export async function registerWebAppRoutes(app: FastifyInstance, distDir: string): Promise<void> {
  const page = (reply: FastifyReply): FastifyReply =>
    reply.header('content-security-policy', WEB_APP_CSP);
  const assets = join(distDir, 'assets');

  await app.register(fastifyStatic, {
    root: assets,
    prefix: '/assets/',
    // Missing folder at start: served once it exists.
    allowedPath: () => true,
    decorateReply: true,
    index: false,
    wildcard: true,
    cacheControl: false,
    etag: true,
    lastModified: true,
    // For these assets and for the files the fallback sends (reply.sendFile) alike.
    setHeaders: (reply, path) => {
      void page(reply).header('cache-control', path.startsWith(assets) ? IMMUTABLE : REVALIDATE);
    },
  });

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (NOT_THE_APP.test(path)) {
      throw CommonErrors.create('NOT_FOUND', `No route for ${request.method} ${path}`);
    }
    const index = join(distDir, 'index.html');
    if (!existsSync(index)) {
      return page(reply)
        .status(503)
        .header('cache-control', 'no-store')
        .header('retry-after', '30')
        .type('text/html; charset=utf-8')
        .send(NOT_BUILT_PAGE);
    }
    if (TOP_LEVEL_FILE.test(path) && path !== '/index.html' && isFile(join(distDir, path))) {
      return reply.sendFile(path.slice(1), distDir, { cacheControl: false });
    }
    return reply.sendFile('index.html', distDir, { cacheControl: false });
  });
}
