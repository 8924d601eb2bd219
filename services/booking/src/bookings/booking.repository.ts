import type { EventEnvelope } from '@slotwise/platform/events';
import type pg from 'pg';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import {
  HOLDING_STATUSES,
  type BookingFilter,
  type BookingRecord,
  type BookingSort,
  type BookingStatus,
  type HistoryEntry,
} from './booking.types.js';

type BookingRow = Prisma.BookingGetPayload<object>;

function toRecord(row: BookingRow): BookingRecord {
  return {
    ...row,
    priceAtBooking: row.priceAtBooking.toFixed(2),
    totalPrice: row.totalPrice.toFixed(2),
    status: row.status,
  };
}

export interface IdempotencyClaim {
  userId: string;
  key: string;
  requestHash: string;
  statusCode: number;
  responseBody: unknown;
  expiredBefore: Date;
}

export type InsertOutcome = 'created' | 'conflict' | 'key-taken';

const EXCLUSION_VIOLATION = '23P01';
const DEADLOCK = '40P01';

/**
 * A transaction-level advisory lock per resource, taken first by every write that can touch the
 * exclusion constraint (`param` is the statement's placeholder for the resource id). Without it, two inserts with overlapping ranges
 * each wait for the other's outcome, a deadlock PostgreSQL breaks only after deadlock_timeout
 * (1 s): with it, they queue, and the second sees the first's booking at once (23P01 → 409).
 */
const resourceLock = (param: string): string =>
  `pg_advisory_xact_lock(hashtextextended('booking:resource:' || ${param}::uuid::text, 0))`;

/**
 * The holding bookings of a resource overlapping [$2, $3). A booking lasts at most the longest
 * duration allowed, so one overlapping the window starts after `$2 − that` ($4): with that lower
 * bound the (resource_id, start_time, end_time) index reads only the window's neighbourhood,
 * however many bookings the resource has had. (So BOOKING_MAX_DURATION_DAYS is not to be lowered
 * while longer bookings lie ahead: availability would miss their start.)
 */
const BUSY_SQL = `SELECT start_time, end_time FROM bookings
  WHERE resource_id = $1 AND start_time < $3 AND start_time > $4 AND end_time > $2
    AND status = ANY($5::"BookingStatus"[])
  ORDER BY start_time`;

function busyValues(resourceId: string, from: Date, to: Date, maxDurationMs: number): unknown[] {
  return [resourceId, from, to, new Date(from.getTime() - maxDurationMs), HOLDING_STATUSES];
}

/**
 * Bookings. The two writes on the hot path (create, change of status) are one SQL statement
 * each, on the pool directly: the booking, its history row, its outbox event (and the
 * idempotency key) in one round trip, atomically. Reads go through Prisma.
 */
export class BookingRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly pool: pg.Pool,
    /** Told of every deadlock victim run again (none is expected: the resource lock prevents them). */
    private readonly onDeadlock: () => void = () => undefined,
  ) {}

  /**
   * Inserts the booking with its first history row and its event; with an idempotency claim, only
   * if the key was not taken (a concurrent request with the same key waits here for the first to
   * commit, then finds the key taken). An overlap with a holding booking is refused by the
   * exclusion constraint: 'conflict'.
   */
  async insert(
    booking: BookingRecord,
    historyId: string,
    event: EventEnvelope<object>,
    claim?: IdempotencyClaim,
  ): Promise<InsertOutcome> {
    const values: unknown[] = [
      booking.id,
      booking.userId,
      booking.vendorId,
      booking.businessId,
      booking.resourceId,
      booking.businessName,
      booking.resourceName,
      booking.resourceType,
      booking.priceAtBooking,
      booking.priceUnit,
      booking.currency,
      booking.totalPrice,
      booking.timezone,
      booking.startTime,
      booking.endTime,
      booking.notes,
      booking.createdAt,
      historyId,
      event.id,
      event.type,
      JSON.stringify(event),
    ];
    const keyCte = claim
      ? `k AS (INSERT INTO idempotency_keys (user_id, key, request_hash, status_code, response_body, created_at)
               SELECT $2, $22, $23, $24, $25::jsonb, $17 FROM l
               ON CONFLICT (user_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash,
                 status_code = EXCLUDED.status_code, response_body = EXCLUDED.response_body,
                 created_at = EXCLUDED.created_at
               WHERE idempotency_keys.created_at < $26
               RETURNING 1),`
      : '';
    if (claim) {
      // A key older than its lifetime is free again: the claim takes it over.
      values.push(
        claim.key,
        claim.requestHash,
        claim.statusCode,
        JSON.stringify(claim.responseBody),
        claim.expiredBefore,
      );
    }
    const guard = claim ? 'WHERE EXISTS (SELECT 1 FROM k)' : '';
    const sql = `
      WITH l AS (SELECT ${resourceLock('$5')}),
      ${keyCte}
      b AS (
        INSERT INTO bookings (id, user_id, vendor_id, business_id, resource_id, business_name,
          resource_name, resource_type, price_at_booking, price_unit, currency, total_price, timezone,
          start_time, end_time, status, notes, created_at, updated_at)
        SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10::"PriceUnit", $11, $12, $13, $14, $15,
          'PENDING', $16, $17, $17 FROM l ${guard}
        RETURNING id),
      h AS (
        INSERT INTO booking_status_history (id, booking_id, from_status, to_status, changed_by, at)
        SELECT $18, id, NULL, 'PENDING', $2, $17 FROM b),
      o AS (
        INSERT INTO outbox (id, aggregate_id, type, version, payload, occurred_at)
        SELECT $19, id, $20, 1, $21::jsonb, $17 FROM b)
      SELECT count(*)::int AS created FROM b`;
    try {
      const name = claim ? 'booking-insert-keyed' : 'booking-insert';
      const { rows } = await this.query<{ created: number }>(name, sql, values);
      return rows[0]?.created === 1 ? 'created' : 'key-taken';
    } catch (error) {
      if ((error as { code?: string }).code === EXCLUSION_VIOLATION) return 'conflict';
      throw error;
    }
  }

  /**
   * Moves a booking to a new status if it is still at `expectedVersion` (nobody changed it since
   * it was read), with its history row and event, in one statement. False: it changed meanwhile.
   */
  async transition(
    next: BookingRecord,
    expectedVersion: number,
    from: BookingStatus,
    history: { id: string; changedBy: string; reason: string | null },
    event: EventEnvelope<object>,
  ): Promise<boolean> {
    const sql = `
      WITH u AS (
        UPDATE bookings SET status = $2::"BookingStatus", version = $3, updated_at = $4,
          cancelled_at = $5, cancel_reason = $6, cancelled_by = $7
        FROM (SELECT ${resourceLock('$16')}) l
        WHERE id = $1 AND version = $8
        RETURNING id),
      h AS (
        INSERT INTO booking_status_history (id, booking_id, from_status, to_status, changed_by, reason, at)
        SELECT $9, id, $10::"BookingStatus", $2::"BookingStatus", $11, $12, $4 FROM u),
      o AS (
        INSERT INTO outbox (id, aggregate_id, type, version, payload, occurred_at)
        SELECT $13, id, $14, $3, $15::jsonb, $4 FROM u)
      SELECT count(*)::int AS changed FROM u`;
    const { rows } = await this.query<{ changed: number }>('booking-transition', sql, [
      next.id,
      next.status,
      next.version,
      next.updatedAt,
      next.cancelledAt,
      next.cancelReason,
      next.cancelledBy,
      expectedVersion,
      history.id,
      from,
      history.changedBy,
      history.reason,
      event.id,
      event.type,
      JSON.stringify(event),
      next.resourceId,
    ]);
    return rows[0]?.changed === 1;
  }

  /**
   * A statement on the pool; a deadlock victim is rolled back entirely, so it is run again. Named:
   * each connection parses and plans it once (a prepared statement), not on every call; `name`
   * must always come with the same text.
   */
  private async query<R extends pg.QueryResultRow>(
    name: string,
    text: string,
    values: unknown[],
  ): Promise<pg.QueryResult<R>> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.pool.query<R>({ name, text, values });
      } catch (error) {
        if ((error as { code?: string }).code !== DEADLOCK) throw error;
        this.onDeadlock();
        if (attempt >= 3) throw error;
      }
    }
  }

  async findById(id: string): Promise<BookingRecord | null> {
    const row = await this.prisma.booking.findUnique({ where: { id } });
    return row ? toRecord(row) : null;
  }

  async list(
    filter: BookingFilter,
    sort: BookingSort,
    page: { skip: number; take: number },
  ): Promise<{ items: BookingRecord[]; total: number }> {
    const where: Prisma.BookingWhereInput = {
      ...(filter.userId ? { userId: filter.userId } : {}),
      ...(filter.vendorId ? { vendorId: filter.vendorId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.resourceId ? { resourceId: filter.resourceId } : {}),
      ...(filter.businessId ? { businessId: filter.businessId } : {}),
      // Bookings overlapping [from, to).
      ...(filter.to ? { startTime: { lt: filter.to } } : {}),
      ...(filter.from ? { endTime: { gt: filter.from } } : {}),
    };
    const field = sort.replace('-', '') as 'startTime' | 'createdAt';
    const direction = sort.startsWith('-') ? 'desc' : 'asc';
    const [rows, total] = await Promise.all([
      this.prisma.booking.findMany({
        where,
        orderBy: [{ [field]: direction }, { id: 'asc' }],
        ...page,
      }),
      this.prisma.booking.count({ where }),
    ]);
    return { items: rows.map(toRecord), total };
  }

  async history(bookingId: string): Promise<HistoryEntry[]> {
    return this.prisma.bookingStatusHistory.findMany({
      where: { bookingId },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      select: { fromStatus: true, toStatus: true, changedBy: true, reason: true, at: true },
    });
  }

  /**
   * Holding bookings of a resource that overlap [from, to). Bookings last at most
   * `maxDurationMs`, so only those starting after from − max can overlap: the index range scan
   * stays short however many past bookings the resource has.
   */
  async busy(
    resourceId: string,
    from: Date,
    to: Date,
    maxDurationMs: number,
  ): Promise<{ startTime: Date; endTime: Date }[]> {
    const { rows } = await this.pool.query<{ start_time: Date; end_time: Date }>(
      BUSY_SQL,
      busyValues(resourceId, from, to, maxDurationMs),
    );
    return rows.map((row) => ({ startTime: row.start_time, endTime: row.end_time }));
  }

  /** The executed plan of `busy` (for the tests that keep it on its index). */
  async explainBusy(
    resourceId: string,
    from: Date,
    to: Date,
    maxDurationMs: number,
  ): Promise<string> {
    const { rows } = await this.pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) ${BUSY_SQL}`,
      busyValues(resourceId, from, to, maxDurationMs),
    );
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  }
}
