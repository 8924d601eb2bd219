import { createHash, randomUUID } from 'node:crypto';
import { isBusinessBookable } from '@slotwise/contracts';
import { forbidden, notFound, validationError } from '@slotwise/platform/errors';
import { BookingErrors } from '../booking.errors.js';
import type { ResourceCatalog } from '../resources/resource-catalog.js';
import { bookingEvent } from './booking-events.js';
import { checkTransition, type Actor, type BookingAction } from './booking-state.js';
import type { BookingRepository } from './booking.repository.js';
import type { ResourceLanes } from './resource-lanes.js';
import { presentBooking, type BookingJson, type CreateBookingBody } from './booking.schemas.js';
import type { BookingFilter, BookingRecord, BookingSort, HistoryEntry } from './booking.types.js';
import type { IdempotencyRepository } from './idempotency.repository.js';
import { totalPrice } from './pricing.js';

export interface Caller {
  id: string;
  role: string;
}

export interface BookingPolicy {
  maxDurationDays: number;
  maxAdvanceDays: number;
  idempotencyTtlHours: number;
}

const DAY_MS = 86_400_000;

/** Creating bookings, reading them within the caller's tenancy, and moving them through their life. */
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
  ): Promise<{ status: number; body: { data: BookingJson } }> {
    const start = new Date(input.startTime);
    const end = new Date(input.endTime);
    const hash = idempotencyKey ? requestHash(input, start, end) : '';
    const expiredBefore = new Date(Date.now() - this.policy.idempotencyTtlHours * 3_600_000);
    // A replay answers as the first request did, even if its start time has passed since.
    if (idempotencyKey) {
      const replay = await this.replay(caller.id, idempotencyKey, hash, expiredBefore);
      if (replay) return replay;
    }
    this.assertTimes(start, end);

    const resource = await this.catalog.get(input.resourceId, requestId);
    if (!resource) throw notFound('Resource');
    if (resource.status !== 'ACTIVE' || !isBusinessBookable(resource.business)) {
      throw BookingErrors.create('RESOURCE_NOT_BOOKABLE', 'This resource cannot be booked now', {
        details: { resourceStatus: resource.status, businessStatus: resource.business.status },
      });
    }
    const now = new Date();
    const booking: BookingRecord = {
      id: randomUUID(),
      userId: caller.id,
      vendorId: resource.business.ownerId,
      businessId: resource.business.id,
      resourceId: resource.id,
      businessName: resource.business.name,
      resourceName: resource.name,
      resourceType: resource.type,
      priceAtBooking: resource.price,
      priceUnit: resource.priceUnit,
      currency: resource.currency,
      totalPrice: totalPrice(
        resource.price,
        resource.priceUnit,
        start,
        end,
        resource.business.timezone,
      ),
      timezone: resource.business.timezone,
      startTime: start,
      endTime: end,
      status: 'PENDING',
      notes: input.notes ?? null,
      cancelledAt: null,
      cancelReason: null,
      cancelledBy: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
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
    const outcome = await this.lanes.run(
      booking.resourceId,
      { start: start.getTime(), end: end.getTime() },
      async () => {
        const result = await this.bookings.insert(
          booking,
          randomUUID(),
          bookingEvent('booking.created', booking, null, requestId),
          claim,
        );
        return { result, booked: result === 'created' };
      },
    );
    if (outcome === 'known-taken' && idempotencyKey) {
      // Taken, perhaps by this very request sent twice at once: that one's answer, if so.
      const replay = await this.replay(caller.id, idempotencyKey, hash, expiredBefore);
      if (replay) return replay;
    }
    switch (outcome) {
      case 'created':
        return { status: 201, body };
      case 'conflict':
      case 'known-taken':
        throw BookingErrors.create(
          'BOOKING_CONFLICT',
          'That time is already booked for this resource',
          {
            details: {
              resourceId: booking.resourceId,
              startTime: input.startTime,
              endTime: input.endTime,
            },
          },
        );
      case 'key-taken': {
        // A concurrent request with the same key committed first: answer as it did.
        const replay = await this.replay(caller.id, idempotencyKey!, hash, expiredBefore);
        if (!replay) throw new Error('idempotency key taken but no stored response');
        return replay;
      }
    }
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
    else if (caller.role !== 'ADMIN') throw forbidden();
    return this.bookings.list(scoped, sort, page);
  }

  async history(caller: Caller, id: string): Promise<HistoryEntry[]> {
    await this.get(caller, id);
    return this.bookings.history(id);
  }

  async transition(
    caller: Caller,
    id: string,
    action: BookingAction,
    reason?: string,
    requestId?: string,
  ): Promise<BookingRecord> {
    const booking = await this.get(caller, id);
    const actor: Actor =
      caller.role === 'ADMIN' ? 'admin' : caller.id === booking.vendorId ? 'owner' : 'customer';
    const check = checkTransition(action, booking.status, actor);
    if (!check.ok && check.reason === 'forbidden')
      throw forbidden('You may not do this to this booking');
    const now = new Date();
    if (!check.ok || (action === 'no-show' && now < booking.startTime)) {
      throw BookingErrors.create(
        'INVALID_STATUS_TRANSITION',
        action === 'no-show' && check.ok
          ? 'A no-show can only be recorded after the booking starts'
          : `A ${booking.status} booking cannot be ${action}`,
        { details: { status: booking.status, action } },
      );
    }
    const next: BookingRecord = {
      ...booking,
      status: check.to,
      version: booking.version + 1,
      updatedAt: now,
      ...(action === 'cancel'
        ? { cancelledAt: now, cancelReason: reason ?? null, cancelledBy: caller.id }
        : {}),
    };
    const changed = await this.bookings.transition(
      next,
      booking.version,
      booking.status,
      { id: randomUUID(), changedBy: caller.id, reason: reason ?? null },
      bookingEvent(check.event, next, booking.status, requestId),
    );
    if (!changed) {
      throw BookingErrors.create(
        'INVALID_STATUS_TRANSITION',
        'The booking changed meanwhile; read it again',
      );
    }
    return next;
  }

  private assertTimes(start: Date, end: Date): void {
    const now = Date.now();
    const problems: { field: string; message: string }[] = [];
    if (end <= start) problems.push({ field: 'body.endTime', message: 'must be after startTime' });
    if (start.getTime() < now)
      problems.push({ field: 'body.startTime', message: 'must not be in the past' });
    if (end.getTime() - start.getTime() > this.policy.maxDurationDays * DAY_MS) {
      problems.push({
        field: 'body.endTime',
        message: `a booking lasts at most ${this.policy.maxDurationDays} days`,
      });
    }
    if (start.getTime() - now > this.policy.maxAdvanceDays * DAY_MS) {
      problems.push({
        field: 'body.startTime',
        message: `at most ${this.policy.maxAdvanceDays} days ahead`,
      });
    }
    if (problems.length > 0) throw validationError(problems);
  }

  private async replay(
    userId: string,
    key: string,
    hash: string,
    expiredBefore: Date,
  ): Promise<{ status: number; body: { data: BookingJson } } | null> {
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

export function canSee(caller: Caller, booking: BookingRecord): boolean {
  return (
    caller.role === 'ADMIN' ||
    (caller.role === 'CUSTOMER' && booking.userId === caller.id) ||
    (caller.role === 'VENDOR' && booking.vendorId === caller.id)
  );
}

/** The request as it matters: the same booking asked for with other spellings hashes the same. */
function requestHash(input: CreateBookingBody, start: Date, end: Date): string {
  const canonical = JSON.stringify([
    input.resourceId,
    start.toISOString(),
    end.toISOString(),
    input.notes ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('base64url');
}
