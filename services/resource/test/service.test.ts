import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { HttpApp } from '@slotwise/platform/http';
import {
  createServiceTestEnv,
  itBehavesLikeAService,
  type ServiceTestEnv,
} from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { configSchema } from '../src/config.js';
import { buildContainer, type Container } from '../src/container.js';
import { loadConfig } from '@slotwise/platform/config';

const migrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));
const schemaPath = fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url));

describe('resource service', () => {
  let testEnv: ServiceTestEnv;
  let container: Container;
  let app: HttpApp;

  beforeAll(async () => {
    testEnv = await createServiceTestEnv({ service: 'resource', migrationsDir });
    container = await buildContainer(loadConfig('resource', configSchema, testEnv.env));
    app = await buildApp(container);
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    for (const step of container.stopSteps) await step.run();
    await testEnv.close();
  });

  itBehavesLikeAService(
    {
      service: 'resource',
      schemaPath,
      configSchema,
      databaseRequest: async () => ({
        method: 'GET',
        url: '/api/resources',
        headers: { authorization: `Bearer ${await testEnv.keys.sign()}` },
      }),
    },
    () => ({ app, databaseUrl: testEnv.db.url, env: testEnv.env, pool: container.pool }),
  );

  it('caps the business cache at 30 s: a stale "yes" must not outlive that', () => {
    const config = loadConfig('resource', configSchema, testEnv.env);
    expect(config.BUSINESS_CACHE_TTL_MS).toBe(10_000);
    expect(config.BUSINESS_SERVICE_URL).toBe('http://127.0.0.1:3003');
    expect(
      loadConfig('resource', configSchema, { ...testEnv.env, BUSINESS_CACHE_TTL_MS: '30000' })
        .BUSINESS_CACHE_TTL_MS,
    ).toBe(30_000);
    expect(() =>
      loadConfig('resource', configSchema, { ...testEnv.env, BUSINESS_CACHE_TTL_MS: '30001' }),
    ).toThrow(/BUSINESS_CACHE_TTL_MS/);
  });

  it('without service credentials, serves reads but answers 503 to creations, writing nothing', async () => {
    const token = await testEnv.keys.sign({ sub: randomUUID(), role: 'VENDOR' });
    const headers = { authorization: `Bearer ${token}` };
    const created = await app.inject({
      method: 'POST',
      url: '/api/resources',
      headers,
      payload: { name: 'Room', type: 'DESK', price: '1.00', currency: 'USD' },
    });
    expect(created.statusCode).toBe(503);
    expect(created.json<{ error: { code: string } }>().error.code).toBe('SERVICE_UNAVAILABLE');
    const listed = await app.inject({ method: 'GET', url: '/api/resources', headers });
    expect(listed.statusCode).toBe(200);
    expect((await container.pool.query('SELECT 1 FROM resources')).rows).toEqual([]);
  });

  it('documents every route in its OpenAPI document', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, object>;
    }>();
    expect(Object.keys(document.paths).sort()).toEqual(
      expect.arrayContaining([
        '/api/resources',
        '/api/resources/bulk',
        '/api/resources/stats',
        '/api/resources/{id}',
        '/api/resources/{id}/status',
        '/api/resources/{id}/schedule',
        '/api/resources/categories',
        '/api/resources/categories/{id}',
        '/internal/resources/{id}',
        '/internal/categories/{id}/resources',
      ]),
    );
  });
});
