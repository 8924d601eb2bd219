import { fileURLToPath } from 'node:url';
import { itBehavesLikeAService } from '@slotwise/testkit';
import { afterAll, beforeAll, describe } from 'vitest';
import { configSchema } from '../src/config.js';
import { startAuth, type AuthHarness } from './harness.js';

describe('auth service', () => {
  let auth: AuthHarness;
  beforeAll(async () => {
    auth = await startAuth();
  });
  afterAll(async () => {
    await auth.close();
  });

  itBehavesLikeAService(
    {
      service: 'auth',
      schemaPath: fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url)),
      configSchema,
      databaseRequest: async () => ({
        method: 'POST',
        url: '/api/auth/login',
        payload: { identifier: 'nobody@example.com', password: 'not the password' },
      }),
    },
    () => ({
      app: auth.app,
      databaseUrl: auth.testEnv.db.url,
      env: auth.testEnv.env,
      pool: auth.container.pool,
    }),
  );
});
