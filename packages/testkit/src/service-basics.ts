import { loadConfig } from '@slotwise/platform/config';
import { findSchemaDrift } from '@slotwise/platform/db';
import type { HttpApp } from '@slotwise/platform/http';
import { expect, it } from 'vitest';
import type { z } from 'zod';
import { waitFor } from './wait-for.js';

export interface RunningService {
  app: HttpApp;
  /** The service's migrated test database. */
  databaseUrl: string;
  /** The environment it was configured from. */
  env: Record<string, string>;
}

/**
 * What every service with a database must do, as shared tests: report ready once its database and
 * event transport answer, have a migrated database that matches its schema.prisma, and refuse to
 * start on a bad variable with a message naming it. Call inside a `describe` whose `beforeAll`
 * starts the service; `current` returns it.
 */
export function itBehavesLikeAService(
  options: {
    service: string;
    schemaPath: string;
    configSchema: z.ZodType;
    ignoreTables?: string[];
  },
  current: () => RunningService,
): void {
  it('is ready when its database and event transport answer', async () => {
    // The broker connection is made in the background: a service starts even while it is down.
    const response = await waitFor(async () => {
      const ready = await current().app.inject({ method: 'GET', url: '/health/ready' });
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
      connectionString: current().databaseUrl,
      schemaPath: options.schemaPath,
      ignoreTables: options.ignoreTables ?? ['outbox', 'inbox'],
    });
    expect(drift).toEqual([]);
  });

  it('refuses to start with a bad variable, naming every bad one', () => {
    expect(() =>
      loadConfig(options.service, options.configSchema, {
        ...current().env,
        DATABASE_URL: 'mysql://x',
        PORT: 'x',
      }),
    ).toThrow(/DATABASE_URL[\s\S]*PORT|PORT[\s\S]*DATABASE_URL/);
  });
}
