import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import {
  createEvent,
  EVENTS_TABLES_SQL,
  handleOnce,
  writeToOutbox,
  type EventEnvelope,
  type EventHandler,
} from '@slotwise/platform/events';
import { createLogger, type Logger } from '@slotwise/platform/logger';
import { createTestDatabase, type TestDatabase } from '@slotwise/testkit';
import pg from 'pg';

/** Shared fixtures of the events tests: databases, a log capture, an event writer, polling. */

export interface CapturedLogger {
  logger: Logger;
  lines: string[];
}

/** A logger whose lines are kept for assertions. */
export function captureLogger(level = 'debug'): CapturedLogger {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback): void {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { logger: createLogger({ service: 'events-test', level, destination }), lines };
}

/** A name prefix no other run shares (queues, exchanges, channels). */
export function uniquePrefix(): string {
  return `t${randomBytes(4).toString('hex')}`;
}

export interface EventsDatabase {
  db: TestDatabase;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** A fresh database with the outbox, the inbox and a table of consumer effects. */
export async function createEventsDatabase(label: string): Promise<EventsDatabase> {
  const db = await createTestDatabase({ label });
  const pool = new pg.Pool({ connectionString: db.url, max: 10 });
  pool.on('error', () => undefined);
  await pool.query(EVENTS_TABLES_SQL);
  await pool.query(`
    CREATE TABLE effects (
      n serial PRIMARY KEY,
      event_id uuid NOT NULL,
      aggregate_id text NOT NULL,
      version int NOT NULL
    )`);
  return {
    db,
    pool,
    async close(): Promise<void> {
      await pool.end();
      await db.drop();
    },
  };
}

/**
 * Writes `count` events over `aggregates` aggregates, `perTransaction` to a transaction, versions
 * counting up per aggregate; `onProgress` runs after each commit.
 */
export async function writeEvents(
  pool: pg.Pool,
  options: {
    count: number;
    aggregates: number;
    perTransaction: number;
    type?: string;
    onProgress?: (written: number) => Promise<void> | void;
  },
): Promise<EventEnvelope[]> {
  const versions = new Map<string, number>();
  const all: EventEnvelope[] = [];
  for (let start = 0; start < options.count; start += options.perTransaction) {
    const batch: EventEnvelope[] = [];
    for (let i = start; i < Math.min(start + options.perTransaction, options.count); i += 1) {
      const aggregateId = `agg-${i % options.aggregates}`;
      const version = (versions.get(aggregateId) ?? 0) + 1;
      versions.set(aggregateId, version);
      batch.push(
        createEvent({
          type: options.type ?? 'ledger.entry_added',
          aggregateId,
          version,
          data: { amount: i, code: 'secret-otp-123456' },
          requestId: `req-${i}`,
        }),
      );
    }
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await writeToOutbox(client, batch);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    all.push(...batch);
    await options.onProgress?.(all.length);
  }
  return all;
}

/** The consumer's effect: one row per event, at most once thanks to the inbox. */
export function recordingHandler(pool: pg.Pool): EventHandler {
  return async (event) => {
    await handleOnce(pool, event, (client) =>
      client.query('INSERT INTO effects (event_id, aggregate_id, version) VALUES ($1, $2, $3)', [
        event.id,
        event.aggregateId,
        event.version,
      ]),
    );
  };
}

export async function scalar(pool: pg.Pool, sql: string): Promise<number> {
  const { rows } = await pool.query<{ value: string | number }>(sql);
  return Number(rows[0]?.value ?? 0);
}

export async function waitFor(
  condition: () => Promise<boolean> | boolean,
  { timeoutMs = 20_000, intervalMs = 50, what = 'condition' } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
