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

describe('business service', () => {
  let testEnv: ServiceTestEnv;
  let container: Container;
  let app: HttpApp;

  beforeAll(async () => {
    testEnv = await createServiceTestEnv({ service: 'business', migrationsDir });
    container = await buildContainer(loadConfig('business', configSchema, testEnv.env));
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
      service: 'business',
      schemaPath,
      configSchema,
      databaseRequest: async () => ({
        method: 'GET',
        url: '/api/businesses',
        headers: { authorization: `Bearer ${await testEnv.keys.sign()}` },
      }),
    },
    () => ({ app, databaseUrl: testEnv.db.url, env: testEnv.env, pool: container.pool }),
  );

  it('holds the life cycle’s invariants in the database too', async () => {
    const insert = (status: string, verified: boolean, verifiedAt: string | null) =>
      container.pool.query(
        `INSERT INTO businesses (id, owner_id, name, type, status, is_verified, verified_at, updated_at)
         VALUES (gen_random_uuid(), gen_random_uuid(), 'X', 'OTHER', $1, $2, $3, now())`,
        [status, verified, verifiedAt],
      );
    await expect(insert('ACTIVE', false, null)).rejects.toThrow(/businesses_active_is_verified/);
    await expect(insert('PENDING', true, null)).rejects.toThrow(/businesses_verified_at_set/);
    await expect(insert('PENDING', false, new Date().toISOString())).rejects.toThrow(
      /businesses_verified_at_set/,
    );
    await expect(insert('ACTIVE', true, new Date().toISOString())).resolves.toBeDefined();
  });

  it('documents every route in its OpenAPI document', async () => {
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    type Operation = { security?: Record<string, string[]>[] };
    const document = response.json<{ paths: Record<string, Record<string, Operation>> }>();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/businesses',
        '/api/businesses/me',
        '/api/businesses/{id}',
        '/api/businesses/{id}/status',
        '/api/businesses/{id}/verify',
        '/api/businesses/{id}/schedule',
        '/internal/businesses/{id}',
        '/internal/businesses/by-owner/{ownerId}',
      ]),
    );
    // The catalog's reads need no token ({}); everything else needs one.
    const { paths } = document;
    for (const path of [
      '/api/businesses',
      '/api/businesses/{id}',
      '/api/businesses/{id}/schedule',
    ]) {
      expect(paths[path]?.get?.security, path).toEqual([{}, { bearerAuth: [] }]);
    }
    expect(paths['/api/businesses/{id}/schedule']?.put?.security).toEqual([{ bearerAuth: [] }]);
    expect(paths['/api/businesses/{id}/schedule']?.delete?.security).toEqual([{ bearerAuth: [] }]);
    expect(paths['/api/businesses/me']?.get?.security).toEqual([{ bearerAuth: [] }]);
  });
});
