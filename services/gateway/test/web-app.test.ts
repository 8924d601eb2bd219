import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from './harness.js';
import { deadUrl } from './upstreams.js';

const INDEX = '<!doctype html><html><body><div id="root"></div></body></html>';

describe('the web app served by the gateway', () => {
  let dist: string;
  let gateway: Gateway;
  let unbuilt: Gateway;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'slotwise-web-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), INDEX);
    await writeFile(join(dist, 'assets', 'index-AbC123.js'), 'console.log("app");');
    await writeFile(join(dist, 'robots.txt'), 'User-agent: *\n');
    const dead = await deadUrl();
    const upstreams = {
      AUTH_SERVICE_URL: dead,
      BUSINESS_SERVICE_URL: dead,
      RESOURCE_SERVICE_URL: dead,
      BOOKING_SERVICE_URL: dead,
      AUTH_JWKS_URL: `${dead}/jwks.json`,
    };
    gateway = await startGateway({ ...upstreams, WEB_DIST_DIR: dist });
    unbuilt = await startGateway({ ...upstreams, WEB_DIST_DIR: join(dist, 'missing') });
  });

  afterAll(async () => {
    await gateway.close();
    await unbuilt.close();
    await rm(dist, { recursive: true, force: true });
  });

  const get = (app: Gateway, url: string) => app.app.inject({ method: 'GET', url });

  it('serves index.html at / and at every client-side route, never cached without revalidation', async () => {
    for (const url of ['/', '/businesses/123', '/resources/x?week=2', '/sign-in', '/deep/a/b']) {
      const response = await get(gateway, url);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.body, url).toBe(INDEX);
    }
  });

  it('serves hashed assets with immutable caching, and 404 for a missing one', async () => {
    const asset = await get(gateway, '/assets/index-AbC123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe('console.log("app");');
    expect((await get(gateway, '/assets/index-missing.js')).statusCode).toBe(404);
    const escape = await get(gateway, '/assets/..%2F..%2F..%2F..%2Fetc%2Fpasswd');
    expect(escape.statusCode).toBeGreaterThanOrEqual(400);
    expect(escape.body).not.toContain('root:');
  });

  it('serves top-level files of the build as they are', async () => {
    const robots = await get(gateway, '/robots.txt');
    expect(robots.statusCode).toBe(200);
    expect(robots.body).toBe('User-agent: *\n');
  });

  it('sends a Content-Security-Policy that allows nothing from elsewhere', async () => {
    for (const url of ['/', '/assets/index-AbC123.js', '/bookings']) {
      const csp = String((await get(gateway, url)).headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).not.toMatch(/https:|http:|\*|unsafe-inline|unsafe-eval/);
    }
  });

  it('keeps the API, health and metrics out of the fallback: an unknown API path is a JSON 404', async () => {
    for (const url of [
      '/api',
      '/api/nothing-here',
      '/api/docs/nothing',
      '/metrics/x',
      '/health/x',
    ]) {
      const response = await get(gateway, url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json<{ error: { code: string } }>().error.code, url).toBe('NOT_FOUND');
    }
    const health = await get(gateway, '/health');
    expect(health.headers['content-type']).toMatch(/json/);
  });

  it('answers 503 with a page that says so when the web app is not built, and still serves the API', async () => {
    const response = await get(unbuilt, '/');
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('The web app is not built');
    expect((await get(unbuilt, '/businesses/1')).statusCode).toBe(503);
    expect((await get(unbuilt, '/api/docs/openapi.json')).statusCode).toBe(200);
  });
});
