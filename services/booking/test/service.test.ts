import { fileURLToPath } from 'node:url';
import { itBehavesLikeAService } from '@slotwise/testkit';
import { afterAll, beforeAll, describe } from 'vitest';
import { configSchema } from '../src/config.js';
import { startBooking, type BookingHarness } from './harness.js';

describe('booking service', () => {
  let h: BookingHarness;
  beforeAll(async () => {
    h = await startBooking();
  });
  afterAll(async () => {
    await h.close();
  });

  itBehavesLikeAService(
    {
      service: 'booking',
      schemaPath: fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url)),
      configSchema,
      databaseRequest: async () => ({
        method: 'GET',
        url: '/api/bookings',
        headers: { authorization: `Bearer ${await h.tokenFor('CUSTOMER')}` },
      }),
    },
    () => ({
      app: h.app,
      databaseUrl: h.testEnv.db.url,
      env: h.testEnv.env,
      pool: h.container.pool,
    }),
  );
});
