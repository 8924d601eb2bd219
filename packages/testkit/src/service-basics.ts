import { loadConfig } from '@slotwise/platform/config';
import { findSchemaDrift } from '@slotwise/platform/db';
import type { HttpApp } from '@slotwise/platform/http';
import type pg from 'pg';
import { expect, it } from 'vitest';
import type { z } from 'zod';
import { waitFor } from './wait-for.js';

export interface DatabaseRequest {
  method: 'GET' | 'POST';
  url: string;
  payload?: object;
  headers?: Record<string, string>;
}

export interface RunningService {
  app: HttpApp;
  /** The service's migrated test database. */
  databaseUrl: string;
  /** The environment it was configured from. */
  env: Record<string, string>;
  /** Its connection pool (for the outage test). */
  pool?: pg.Pool;
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
    /** A request that reads the database; with it, the service's answer while its pool is
     * exhausted is tested (503 with Retry-After, never a 500). */
    databaseRequest?: () => Promise<DatabaseRequest>;
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

  if (options.databaseRequest) {
    const databaseRequest = options.databaseRequest;
    it('answers 503 with Retry-After, not 500, while its database pool has nothing to give', async () => {
      const { app, pool } = current();
      const request = await databaseRequest();
      if (!pool) throw new Error('databaseRequest needs the running service’s pool');
      // Every connection the pool can give, held (some may be held already, by a listener).
      const max = pool.options.max ?? 10;
      const held = (
        await Promise.allSettled(Array.from({ length: max }, () => pool.connect()))
      ).flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      try {
        const response = await app.inject(request);
        expect(response.statusCode, response.body).toBe(503);
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        expect(response.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
      } finally {
        for (const client of held) client.release();
      }
      const after = await app.inject(request);
      expect(after.statusCode, after.body).toBeLessThan(500);
    });
  }

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
