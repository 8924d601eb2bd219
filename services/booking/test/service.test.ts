import { fileURLToPath } from 'node:url';
import { loadConfig } from '@slotwise/platform/config';
import { findSchemaDrift } from '@slotwise/platform/db';
import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { startBooking, type BookingHarness } from './harness.js';

const schemaPath = fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url));

describe('booking service', () => {
  let h: BookingHarness;
  beforeAll(async () => {
    h = await startBooking();
  });
  afterAll(async () => {
    await h.close();
  });

  it('is ready when its database and event transport answer', async () => {
    // The broker connection is made in the background: a service starts even while it is down.
    const response = await waitFor(async () => {
      const ready = await h.app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(200);
      return ready;
    });
    expect(response.json()).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'ok' }, events: { status: 'ok' } },
    });
  });

  it('has a migrated database that matches schema.prisma', async () => {
    const drift = await findSchemaDrift({
      connectionString: h.testEnv.db.url,
      schemaPath,
      ignoreTables: ['outbox', 'inbox'],
    });
    expect(drift).toEqual([]);
  });

  it('refuses to start with a bad variable, naming it', () => {
    expect(() =>
      loadConfig('booking', configSchema, {
        ...h.testEnv.env,
        DATABASE_URL: 'mysql://x',
        PORT: 'x',
      }),
    ).toThrow(/DATABASE_URL[\s\S]*PORT|PORT[\s\S]*DATABASE_URL/);
  });
});
