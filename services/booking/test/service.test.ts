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
    },
    () => ({ app: h.app, databaseUrl: h.testEnv.db.url, env: h.testEnv.env }),
  );
});
