import { createEvent, handleOnce, purgeInbox } from '@slotwise/platform/events';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createEventsDatabase, scalar, type EventsDatabase } from './events-support.js';

/**
 * The shape of a generated PrismaClient as far as the inbox cares: an overloaded `$transaction`
 * (batch form first, interactive form last, as Prisma 7 declares it) whose `tx` has its own
 * model delegates besides `$executeRawUnsafe`.
 */
interface FakeTx {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  effect: { create(args: { data: { eventId: string } }): Promise<void> };
}
class FakePrisma {
  constructor(private readonly pool: pg.Pool) {}
  $transaction<P extends Promise<unknown>[]>(arg: [...P]): Promise<unknown[]>;
  $transaction<R>(fn: (tx: FakeTx) => Promise<R>, options?: { timeout?: number }): Promise<R>;
  async $transaction<R>(arg: unknown): Promise<R | unknown[]> {
    if (Array.isArray(arg)) return Promise.all(arg);
    const client = await this.pool.connect();
    const tx: FakeTx = {
      $executeRawUnsafe: async (query, ...values) =>
        (await client.query(query, values)).rowCount ?? 0,
      effect: {
        create: async ({ data }) => {
          await client.query(
            "INSERT INTO effects (event_id, aggregate_id, version) VALUES ($1, 'p', 1)",
            [data.eventId],
          );
        },
      },
    };
    try {
      await client.query('BEGIN');
      const result = await (arg as (tx: FakeTx) => Promise<R>)(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}

describe('inbox', () => {
  let edb: EventsDatabase;
  beforeAll(async () => {
    edb = await createEventsDatabase('evinbox');
  });
  afterAll(async () => {
    await edb.close();
  });
  beforeEach(async () => {
    await edb.pool.query('TRUNCATE inbox, effects');
  });

  const effects = (): Promise<number> => scalar(edb.pool, 'SELECT count(*) AS value FROM effects');

  it('runs the effect once through a Prisma client; a redelivery is a no-op', async () => {
    const prisma = new FakePrisma(edb.pool);
    const event = createEvent({ type: 'booking.created', aggregateId: 'b1', version: 1, data: {} });
    const first = await handleOnce(prisma, event, async (tx) => {
      expectTypeOf(tx).toEqualTypeOf<FakeTx>();
      await tx.effect.create({ data: { eventId: event.id } });
      return 'done';
    });
    const second = await handleOnce(prisma, event, (tx) =>
      tx.effect.create({ data: { eventId: event.id } }),
    );
    expect(first).toEqual({ processed: true, result: 'done' });
    expect(second).toEqual({ processed: false });
    expect(await effects()).toBe(1);
  });

  it('runs the effect once through a pg pool, also when two deliveries race', async () => {
    const event = createEvent({ type: 'booking.created', aggregateId: 'b2', version: 1, data: {} });
    const insert = (client: pg.PoolClient): Promise<pg.QueryResult> =>
      client.query("INSERT INTO effects (event_id, aggregate_id, version) VALUES ($1, 'x', 1)", [
        event.id,
      ]);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => handleOnce(edb.pool, event, insert)),
    );
    expect(results.filter((r) => r.processed)).toHaveLength(1);
    expect(await effects()).toBe(1);
  });

  it('rolls the inbox row back with a failing effect, so the retry runs it', async () => {
    const event = createEvent({ type: 'booking.created', aggregateId: 'b3', version: 1, data: {} });
    await expect(
      handleOnce(edb.pool, event, () => Promise.reject(new Error('smtp down'))),
    ).rejects.toThrow('smtp down');
    expect(await scalar(edb.pool, 'SELECT count(*) AS value FROM inbox')).toBe(0);
    const retry = await handleOnce(edb.pool, event, async () => 'sent');
    expect(retry).toEqual({ processed: true, result: 'sent' });
  });

  it('purges inbox rows older than the given days', async () => {
    const event = createEvent({ type: 'booking.created', aggregateId: 'b4', version: 1, data: {} });
    await handleOnce(edb.pool, event, async () => undefined);
    expect(await purgeInbox(edb.pool, 1)).toBe(0);
    await edb.pool.query("UPDATE inbox SET processed_at = now() - interval '2 days'");
    expect(await purgeInbox(edb.pool, 1)).toBe(1);
  });
});
