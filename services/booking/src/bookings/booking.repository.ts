import { buildOutboxInsert, type EventEnvelope } from '@slotwise/platform/events';
import type pg from 'pg';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { BOOKING_COLUMNS, SqlParams } from './booking-columns.js';
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

/**
 * The platform's outbox insert of `event`, folded into the statement as a CTE and written only if
 * the CTE `from` wrote the booking: a change that did not happen announces nothing.
 */
function outboxInsert(p: SqlParams, event: EventEnvelope<object>, from: string): string {
  const outbox = buildOutboxInsert([event], {
    firstParam: p.values.length + 1,
    onlyIf: `EXISTS (SELECT 1 FROM ${from})`,
  });
  p.values.push(...outbox.values);
  return outbox.text;
}

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
 * The holding bookings of some resources whose held time (buffer included) overlaps [$2, $3). A
 * booking lasts at most the longest duration allowed and keeps at most a day's buffer, so one
 * overlapping the window starts after `$2 − that` ($4): with that lower bound the
 * (resource_id, start_time, end_time) index reads only the window's neighbourhood, however many
 * bookings the resource has had, and never the table (status and buffer are in the index). (So
 * BOOKING_MAX_DURATION_DAYS is not to be lowered while longer bookings lie ahead: availability
 * would miss their start.)
 */
const BUSY_SQL = `SELECT resource_id, start_time, end_time, buffer_minutes FROM bookings
  WHERE resource_id = ANY($1::uuid[]) AND start_time < $3 AND start_time > $4
    AND booking_held_until(end_time, buffer_minutes) > $2
    AND status = ANY($5::"BookingStatus"[])
  ORDER BY resource_id, start_time`;

const MAX_BUFFER_MS = 86_400_000;

function busyValues(resourceIds: string[], from: Date, to: Date, maxDurationMs: number): unknown[] {
  const earliest = new Date(from.getTime() - maxDurationMs - MAX_BUFFER_MS);
  return [resourceIds, from, to, earliest, HOLDING_STATUSES];
}

/** A holding booking's time: [startTime, endTime) booked, held until endTime + buffer. */
export interface BusyRange {
  resourceId: string;
  startTime: Date;
  endTime: Date;
  heldUntil: Date;
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
   * commit, then finds the key taken). An overlap with a holding booking (buffers included) is
   * refused by the exclusion constraint: 'conflict'.
   */
  async insert(
    booking: BookingRecord,
    historyId: string,
    event: EventEnvelope<object>,
    claim?: IdempotencyClaim,
  ): Promise<InsertOutcome> {
    const p = new SqlParams();
    const lock = resourceLock(p.add(booking.resourceId));
    const at = p.add(booking.createdAt, 'timestamptz');
    // A key older than its lifetime is free again: the claim takes it over.
    const keyCte = claim
      ? `k AS (INSERT INTO idempotency_keys (user_id, key, request_hash, status_code, response_body, created_at)
               SELECT ${p.add(claim.userId, 'uuid')}, ${p.add(claim.key, 'text')}, ${p.add(claim.requestHash, 'text')},
                 ${p.add(claim.statusCode, 'int')}, ${p.add(JSON.stringify(claim.responseBody), 'jsonb')}, ${at} FROM l
               ON CONFLICT (user_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash,
                 status_code = EXCLUDED.status_code, response_body = EXCLUDED.response_body,
                 created_at = EXCLUDED.created_at
               WHERE idempotency_keys.created_at < ${p.add(claim.expiredBefore, 'timestamptz')}
               RETURNING 1),`
      : '';
    const columns = BOOKING_COLUMNS.map(([column]) => column).join(', ');
    const values = BOOKING_COLUMNS.map(([, field, type]) => p.add(booking[field], type)).join(', ');
    const sql = `
      WITH l AS (SELECT ${lock}),
      ${keyCte}
      b AS (
        INSERT INTO bookings (${columns})
        SELECT ${values} FROM l ${claim ? 'WHERE EXISTS (SELECT 1 FROM k)' : ''}
        RETURNING id, status),
      h AS (
        INSERT INTO booking_status_history (id, booking_id, from_status, to_status, changed_by, at)
        SELECT ${p.add(historyId, 'uuid')}, id, NULL, status, ${p.add(booking.userId, 'uuid')}, ${at} FROM b),
      o AS (${outboxInsert(p, event, 'b')})
      SELECT count(*)::int AS created FROM b`;
    try {
      const name = claim ? 'booking-insert-keyed' : 'booking-insert';
      const { rows } = await this.query<{ created: number }>(name, sql, p.values);
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
    history: { id: string; changedBy: string | null; reason: string | null },
    event: EventEnvelope<object>,
  ): Promise<boolean> {
    const p = new SqlParams();
    const lock = resourceLock(p.add(next.resourceId));
    const at = p.add(next.updatedAt, 'timestamptz');
    const sql = `
      WITH u AS (
        UPDATE bookings SET status = ${p.add(next.status, '"BookingStatus"')}, version = ${p.add(next.version, 'int')},
          updated_at = ${at}, cancelled_at = ${p.add(next.cancelledAt, 'timestamptz')},
          cancel_reason = ${p.add(next.cancelReason, 'text')}, cancelled_by = ${p.add(next.cancelledBy, 'uuid')},
          expires_at = ${p.add(next.expiresAt, 'timestamptz')},
          payment_status = ${p.add(next.paymentStatus, '"BookingPaymentStatus"')},
          payment_version = ${p.add(next.paymentVersion, 'int')},
          payment_due_at = ${p.add(next.paymentDueAt, 'timestamptz')}
        FROM (SELECT ${lock}) l
        WHERE id = ${p.add(next.id, 'uuid')} AND version = ${p.add(expectedVersion, 'int')}
        RETURNING id),
      h AS (
        INSERT INTO booking_status_history (id, booking_id, from_status, to_status, changed_by, reason, at)
        SELECT ${p.add(history.id, 'uuid')}, id, ${p.add(from, '"BookingStatus"')}, ${p.add(next.status, '"BookingStatus"')},
          ${p.add(history.changedBy, 'uuid')}, ${p.add(history.reason, 'text')}, ${at} FROM u),
      o AS (${outboxInsert(p, event, 'u')})
      SELECT count(*)::int AS changed FROM u`;
    const { rows } = await this.query<{ changed: number }>('booking-transition', sql, p.values);
    return rows[0]?.changed === 1;
  }

  /**
   * Gives a booking new times (and, for a pooled booking, perhaps another resource of its type)
   * if it is still at `expectedVersion`, with a history row and its event, in one statement under
   * the same constraint as an insert: 'conflict' leaves the row exactly as it was.
   */
  async reschedule(
    next: BookingRecord,
    expectedVersion: number,
    history: { id: string; changedBy: string; reason: string },
    event: EventEnvelope<object>,
  ): Promise<'moved' | 'changed-meanwhile' | 'conflict'> {
    const p = new SqlParams();
    const resource = p.add(next.resourceId);
    const lock = resourceLock(resource);
    const at = p.add(next.updatedAt, 'timestamptz');
    const sql = `
      WITH u AS (
        UPDATE bookings SET resource_id = ${resource}::uuid, resource_name = ${p.add(next.resourceName, 'text')},
          start_time = ${p.add(next.startTime, 'timestamptz')}, end_time = ${p.add(next.endTime, 'timestamptz')},
          buffer_minutes = ${p.add(next.bufferMinutes, 'int')}, total_price = ${p.add(next.totalPrice, 'numeric')},
          expires_at = ${p.add(next.expiresAt, 'timestamptz')}, payment_due_at = ${p.add(next.paymentDueAt, 'timestamptz')},
          reschedules = ${p.add(next.reschedules, 'int')},
          version = ${p.add(next.version, 'int')}, updated_at = ${at}
        FROM (SELECT ${lock}) l
        WHERE id = ${p.add(next.id, 'uuid')} AND version = ${p.add(expectedVersion, 'int')}
        RETURNING id, status),
      h AS (
        INSERT INTO booking_status_history (id, booking_id, from_status, to_status, changed_by, reason, at)
        SELECT ${p.add(history.id, 'uuid')}, id, status, status, ${p.add(history.changedBy, 'uuid')},
          ${p.add(history.reason, 'text')}, ${at} FROM u),
      o AS (${outboxInsert(p, event, 'u')})
      SELECT count(*)::int AS changed FROM u`;
    try {
      const { rows } = await this.query<{ changed: number }>('booking-reschedule', sql, p.values);
      return rows[0]?.changed === 1 ? 'moved' : 'changed-meanwhile';
    } catch (error) {
      if ((error as { code?: string }).code === EXCLUSION_VIOLATION) return 'conflict';
      throw error;
    }
  }

  /**
   * Where its money stands, as the payment service's events say, if the booking is still at
   * `expectedVersion`: no history row (its status did not change) and no event (the payment's
   * own events announced it). False: it changed meanwhile.
   */
  async updatePayment(next: BookingRecord, expectedVersion: number): Promise<boolean> {
    const { count } = await this.prisma.booking.updateMany({
      where: { id: next.id, version: expectedVersion },
      data: {
        paymentStatus: next.paymentStatus,
        paymentVersion: next.paymentVersion,
        paymentDueAt: next.paymentDueAt,
        expiresAt: next.expiresAt,
        version: next.version,
        updatedAt: next.updatedAt,
      },
    });
    return count === 1;
  }

  /** CONFIRMED bookings starting before `until` that were not reminded yet, soonest first. */
  async findReminderDue(now: Date, until: Date, limit: number): Promise<BookingRecord[]> {
    const rows = await this.prisma.booking.findMany({
      where: { status: 'CONFIRMED', reminderSentAt: null, startTime: { gt: now, lte: until } },
      orderBy: [{ startTime: 'asc' }, { id: 'asc' }],
      take: limit,
    });
    return rows.map(toRecord);
  }

  /**
   * Marks the booking reminded, with the `booking.reminder_due` event, in one statement, if it is
   * still CONFIRMED and was not reminded: of two runners, one reminds. True when this one did.
   */
  async markReminded(
    booking: BookingRecord,
    at: Date,
    event: EventEnvelope<object>,
  ): Promise<boolean> {
    const p = new SqlParams();
    const sql = `
      WITH u AS (
        UPDATE bookings SET reminder_sent_at = ${p.add(at, 'timestamptz')}
        WHERE id = ${p.add(booking.id, 'uuid')} AND status = 'CONFIRMED' AND reminder_sent_at IS NULL
        RETURNING id),
      o AS (${outboxInsert(p, event, 'u')})
      SELECT count(*)::int AS changed FROM u`;
    const { rows } = await this.query<{ changed: number }>('booking-remind', sql, p.values);
    return rows[0]?.changed === 1;
  }

  /** PENDING and CONFIRMED bookings of a business, resource or customer that start after `now`. */
  async findUpcoming(
    scope: { businessId: string } | { resourceId: string } | { userId: string },
    now: Date,
    limit: number,
  ): Promise<BookingRecord[]> {
    const rows = await this.prisma.booking.findMany({
      where: { ...scope, status: { in: ['PENDING', 'CONFIRMED'] }, startTime: { gt: now } },
      orderBy: [{ startTime: 'asc' }, { id: 'asc' }],
      take: limit,
    });
    return rows.map(toRecord);
  }

  /** PENDING bookings whose confirmation window has ended, oldest first. */
  async findExpired(now: Date, limit: number): Promise<BookingRecord[]> {
    const rows = await this.prisma.booking.findMany({
      where: { status: 'PENDING', expiresAt: { lte: now } },
      orderBy: [{ expiresAt: 'asc' }, { id: 'asc' }],
      take: limit,
    });
    return rows.map(toRecord);
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

  /** Holding bookings of these resources whose held time overlaps [from, to), by resource and start. */
  async busy(
    resourceIds: string[],
    from: Date,
    to: Date,
    maxDurationMs: number,
  ): Promise<BusyRange[]> {
    const { rows } = await this.pool.query<{
      resource_id: string;
      start_time: Date;
      end_time: Date;
      buffer_minutes: number;
    }>({
      name: 'booking-busy',
      text: BUSY_SQL,
      values: busyValues(resourceIds, from, to, maxDurationMs),
    });
    return rows.map((row) => ({
      resourceId: row.resource_id,
      startTime: row.start_time,
      endTime: row.end_time,
      heldUntil: new Date(row.end_time.getTime() + row.buffer_minutes * 60_000),
    }));
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
      busyValues([resourceId], from, to, maxDurationMs),
    );
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  }
}
