import { createHash, randomUUID } from 'node:crypto';
import { EventTypes, type ResourceSnapshot } from '@slotwise/contracts';
import { forbidden, notFound, validationError, type AppError } from '@slotwise/platform/errors';
import { BookingErrors } from '../booking.errors.js';
import type { ResourceCatalog } from '../resources/resource-catalog.js';
import { placementRefusal } from '../rules/placement.js';
import { bookingEvent } from './booking-events.js';
import type { BookingRepository } from './booking.repository.js';
import { presentBooking, type BookingJson, type CreateBookingBody } from './booking.schemas.js';
import type { BookingFilter, BookingRecord, BookingSort, HistoryEntry } from './booking.types.js';
import type { IdempotencyRepository } from './idempotency.repository.js';
import { totalPrice } from './pricing.js';
import type { ResourceLanes } from './resource-lanes.js';

export interface Caller {
  id: string;
  role: string;
}

export interface BookingPolicy {
  maxDurationDays: number;
  idempotencyTtlHours: number;
  /** How long a PREPAY booking holds its time unpaid. */
  paymentWindowMinutes: number;
}

type Created = { status: number; body: { data: BookingJson } };

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Creating bookings (on a resource, or on any free unit of a room type) and reading them. */
export class BookingService {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly keys: IdempotencyRepository,
    private readonly catalog: ResourceCatalog,
    private readonly lanes: ResourceLanes,
    private readonly policy: BookingPolicy,
  ) {}

  async create(
    caller: Caller,
    input: CreateBookingBody,
    idempotencyKey: string | undefined,
    requestId?: string,
  ): Promise<Created> {
    const start = new Date(input.startTime);
    const end = new Date(input.endTime);
    const hash = idempotencyKey ? requestHash(input, start, end) : '';
    const expiredBefore = new Date(Date.now() - this.policy.idempotencyTtlHours * 3_600_000);
    const replay = () =>
      idempotencyKey ? this.replay(caller.id, idempotencyKey, hash, expiredBefore) : null;
    // A replay answers as the first request did, even if its start time has passed since.
    const first = await replay();
    if (first) return first;
    assertTimes(start, end, this.policy.maxDurationDays);

    const pooled = input.categoryId !== undefined;
    const units = await this.catalog.units(input, requestId);
    if (!units) throw notFound(pooled ? 'Category' : 'Resource');

    const now = Date.now();
    let refusal: AppError | null = null;
    let taken = false;
    // Units in a stable order, each insert under the constraint: no counter to drift, no oversell.
    for (const unit of units) {
      const refused = placementRefusal(unit, start.getTime(), end.getTime(), now);
      if (refused) {
        refusal ??= refused;
        continue;
      }
      const booking = newBooking(
        caller,
        unit,
        input,
        { start, end, pooled, now: new Date(now) },
        this.policy.paymentWindowMinutes,
      );
      const body = { data: presentBooking(booking) };
      const claim = idempotencyKey
        ? {
            userId: caller.id,
            key: idempotencyKey,
            requestHash: hash,
            statusCode: 201,
            responseBody: body,
            expiredBefore,
          }
        : undefined;
      const held = {
        start: start.getTime(),
        end: end.getTime() + booking.bufferMinutes * MINUTE_MS,
      };
      const outcome = await this.lanes.run(booking.resourceId, held, async () => {
        const result = await this.bookings.insert(
          booking,
          randomUUID(),
          bookingEvent(EventTypes.bookingCreated, booking, null, requestId),
          claim,
        );
        return { result, booked: result === 'created', refused: result === 'conflict' };
      });
      if (outcome === 'created') return { status: 201, body };
      if (outcome === 'key-taken' || (outcome === 'known-taken' && idempotencyKey)) {
        // Taken, perhaps by this very request sent twice at once: that one's answer, if so.
        const replayed = await replay();
        if (replayed) return replayed;
        if (outcome === 'key-taken')
          throw new Error('idempotency key taken but no stored response');
      }
      taken = true;
    }
    if (pooled && (taken || !refusal)) {
      throw BookingErrors.create('NO_RESOURCE_AVAILABLE', 'No unit of this type is free then', {
        details: {
          categoryId: input.categoryId,
          startTime: input.startTime,
          endTime: input.endTime,
        },
      });
    }
    if (taken) {
      throw BookingErrors.create(
        'BOOKING_CONFLICT',
        'That time is already booked for this resource',
        {
          details: {
            resourceId: input.resourceId,
            startTime: input.startTime,
            endTime: input.endTime,
          },
        },
      );
    }
    throw refusal!;
  }

  async get(caller: Caller, id: string): Promise<BookingRecord> {
    const booking = await this.bookings.findById(id);
    if (!booking || !canSee(caller, booking)) throw notFound('Booking');
    return booking;
  }

  async list(
    caller: Caller,
    filter: BookingFilter,
    sort: BookingSort,
    page: { skip: number; take: number },
  ): Promise<{ items: BookingRecord[]; total: number }> {
    const scoped: BookingFilter = { ...filter };
    if (caller.role === 'CUSTOMER') scoped.userId = caller.id;
    else if (caller.role === 'VENDOR') scoped.vendorId = caller.id;
    else if (caller.role !== 'ADMIN')
      throw forbidden('Only customers, vendors and admins have bookings to list');
    return this.bookings.list(scoped, sort, page);
  }

  async history(caller: Caller, id: string): Promise<HistoryEntry[]> {
    await this.get(caller, id);
    return this.bookings.history(id);
  }

  private async replay(
    userId: string,
    key: string,
    hash: string,
    expiredBefore: Date,
  ): Promise<Created | null> {
    const stored = await this.keys.find(userId, key, expiredBefore);
    if (!stored) return null;
    if (stored.requestHash !== hash) {
      throw BookingErrors.create(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used with another request',
      );
    }
    return { status: stored.statusCode, body: stored.responseBody as { data: BookingJson } };
  }
}

/**
 * A new booking of `unit` with its snapshot: CONFIRMED at once under autoConfirm, else PENDING.
 * Where the business asks for payment up front (PREPAY, and something to pay), it is PENDING
 * until paid, autoConfirm or not, and released unpaid when the payment window ends (or at its
 * start, if that comes first).
 */
function newBooking(
  caller: Caller,
  unit: ResourceSnapshot,
  input: CreateBookingBody,
  { start, end, pooled, now }: { start: Date; end: Date; pooled: boolean; now: Date },
  paymentWindowMinutes: number,
): BookingRecord {
  const total = totalPrice(unit.price, unit.priceUnit, start, end, unit.business.timezone);
  const { paymentMode, cancellationPolicy } = unit.business;
  const prepay = paymentMode === 'PREPAY' && Number(total) > 0;
  const status = unit.bookingRules.autoConfirm && !prepay ? 'CONFIRMED' : 'PENDING';
  const window = unit.business.confirmationWindowMinutes * MINUTE_MS;
  const paymentDueAt = prepay
    ? new Date(Math.min(now.getTime() + paymentWindowMinutes * MINUTE_MS, start.getTime()))
    : null;
  return {
    id: randomUUID(),
    userId: caller.id,
    vendorId: unit.business.ownerId,
    businessId: unit.business.id,
    resourceId: unit.id,
    categoryId: input.categoryId ?? unit.categoryId,
    pooled,
    businessName: unit.business.name,
    resourceName: unit.name,
    resourceType: unit.type,
    priceAtBooking: unit.price,
    priceUnit: unit.priceUnit,
    currency: unit.currency,
    totalPrice: total,
    timezone: unit.business.timezone,
    startTime: start,
    endTime: end,
    bufferMinutes: unit.bookingRules.bufferMinutes,
    status,
    notes: input.notes ?? null,
    cancelledAt: null,
    cancelReason: null,
    cancelledBy: null,
    // Unpaid, it is released when the payment window ends; unconfirmed, when the confirmation
    // window does; either way at its start if that comes first.
    expiresAt:
      paymentDueAt ??
      (status === 'PENDING' ? new Date(Math.min(now.getTime() + window, start.getTime())) : null),
    reschedules: 0,
    paymentMode,
    paymentStatus: prepay ? 'PENDING' : 'NOT_REQUIRED',
    paymentVersion: 0,
    paymentDueAt,
    freeCancellationHours: cancellationPolicy.freeCancellationHours,
    lateRefundPercent: cancellationPolicy.lateRefundPercent,
    reminderSentAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** 400s that need no resource: an empty or reversed range, a start in the past, a huge range. */
export function assertTimes(start: Date, end: Date, maxDurationDays: number): void {
  const problems: { field: string; message: string }[] = [];
  if (end <= start) problems.push({ field: 'body.endTime', message: 'must be after startTime' });
  if (start.getTime() < Date.now())
    problems.push({ field: 'body.startTime', message: 'must not be in the past' });
  if (end.getTime() - start.getTime() > maxDurationDays * DAY_MS) {
    problems.push({
      field: 'body.endTime',
      message: `a booking lasts at most ${maxDurationDays} days`,
    });
  }
  if (problems.length > 0) throw validationError(problems);
}

export function canSee(caller: Caller, booking: BookingRecord): boolean {
  return (
    caller.role === 'ADMIN' ||
    (caller.role === 'CUSTOMER' && booking.userId === caller.id) ||
    (caller.role === 'VENDOR' && booking.vendorId === caller.id)
  );
}

/** The request as it matters: the same booking asked for with other spellings hashes the same. */
function requestHash(input: CreateBookingBody, start: Date, end: Date): string {
  const times = [start.toISOString(), end.toISOString(), input.notes ?? null];
  // A resource booking hashes as it always has, so keys stored before room types still replay.
  const canonical = JSON.stringify(
    input.categoryId === undefined
      ? [input.resourceId, ...times]
      : [null, input.categoryId, ...times],
  );
  return createHash('sha256').update(canonical).digest('base64url');
}
