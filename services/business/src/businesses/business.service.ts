import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { ALWAYS_OPEN, type VersionedBusiness } from '@slotwise/contracts';
import { UniqueViolation } from '@slotwise/platform/db';
import { forbidden, notFound } from '@slotwise/platform/errors';
import { BusinessErrors } from '../business.errors.js';
import type { Repositories, Store } from '../db/store.repository.js';
import { BusinessEvents, toSummary } from '../events/business-events.js';
import { canSee, changeBusiness, isAdmin, type Allowed } from './business-access.js';
import type { BusinessCommand, SettableStatus } from './business-status.machine.js';
import type { CreateBusinessInput, UpdateBusinessInput } from './business.schemas.js';
import type {
  BusinessFilter,
  BusinessProfile,
  BusinessRecord,
  BusinessSort,
  Caller,
  ScheduledBusiness,
  Viewer,
} from './business.types.js';

/** owner_id is a uuid column: a token subject that is not a user id must be a 403, not a 500. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROFILE_FIELDS = [
  'name',
  'description',
  'email',
  'phone',
  'address',
  'timezone',
  'confirmationWindowMinutes',
  'paymentMode',
  'cancellationPolicy',
  'maintenancePolicy',
] as const;

/** What the internal routes answer: the summary, the version and the hours that apply. */
function versioned(business: ScheduledBusiness): VersionedBusiness {
  return {
    ...toSummary(business),
    version: business.version,
    schedule: business.schedule ?? ALWAYS_OPEN,
  };
}

/**
 * The business rules: who sees which business, who changes what (business-status.machine.ts), and
 * the event each change announces, written in the transaction that makes the change.
 */
export class BusinessService {
  constructor(private readonly store: Store) {}

  /** One per vendor, enforced by the unique index on owner_id, so concurrent creates cannot both win. */
  async create(
    caller: Caller,
    input: CreateBusinessInput,
    requestId?: string,
  ): Promise<BusinessRecord> {
    if (caller.role !== 'VENDOR' || !UUID.test(caller.id)) {
      throw forbidden('Only a vendor creates a business');
    }
    try {
      return await this.store.transaction(async (tx) => {
        const business = await tx.businesses.create({
          id: randomUUID(),
          ownerId: caller.id,
          type: input.type,
          name: input.name,
          description: input.description ?? null,
          email: input.email ?? null,
          phone: input.phone ?? null,
          address: input.address ?? null,
          timezone: input.timezone,
          confirmationWindowMinutes: input.confirmationWindowMinutes,
          paymentMode: input.paymentMode,
          cancellationPolicy: input.cancellationPolicy,
          maintenancePolicy: input.maintenancePolicy,
        });
        await tx.outbox.add(BusinessEvents.created(business, requestId));
        return business;
      });
    } catch (error) {
      if (error instanceof UniqueViolation && /owner/i.test(error.constraint)) {
        throw BusinessErrors.create(
          'VENDOR_ALREADY_HAS_BUSINESS',
          'This vendor already has a business',
        );
      }
      throw error;
    }
  }

  /** The public catalog: anonymous visitors and everyone but admins see ACTIVE businesses only. */
  async list(
    viewer: Viewer,
    filter: BusinessFilter,
    sort: BusinessSort,
    page: { skip: number; take: number },
  ): Promise<{ items: BusinessRecord[]; total: number }> {
    if (!isAdmin(viewer) && filter.status !== undefined && filter.status !== 'ACTIVE') {
      throw forbidden('Only administrators list businesses that are not ACTIVE');
    }
    const visible = isAdmin(viewer) ? filter : { ...filter, status: 'ACTIVE' as const };
    return this.store.repos.businesses.list(visible, sort, page);
  }

  /** The vendor's own business, whatever its status (a deleted one still holds the vendor's slot). */
  async mine(caller: Caller): Promise<BusinessRecord> {
    const business = await this.store.repos.businesses.findByOwner(caller.id);
    if (!business) throw notFound('Business');
    return business;
  }

  async get(viewer: Viewer, id: string): Promise<BusinessRecord> {
    const business = await this.store.repos.businesses.findById(id);
    if (!business || !canSee(viewer, business)) throw notFound('Business');
    return business;
  }

  async update(
    caller: Caller,
    id: string,
    input: UpdateBusinessInput,
    requestId?: string,
  ): Promise<BusinessRecord> {
    return this.change(caller, id, { kind: 'edit' }, async (tx, business) => {
      const changes: Partial<BusinessProfile> = {};
      for (const field of PROFILE_FIELDS) {
        const value = input[field];
        // Deep: the cancellation policy is an object, compared by its values.
        if (value !== undefined && !isDeepStrictEqual(value, business[field])) {
          Object.assign(changes, { [field]: value });
        }
      }
      // Same values again: nothing changed, so no new version and nothing to announce.
      if (Object.keys(changes).length === 0) return business;
      const updated = await tx.businesses.update(id, changes);
      await tx.outbox.add(BusinessEvents.updated(updated, caller.id, requestId));
      return updated;
    });
  }

  async setStatus(
    caller: Caller,
    id: string,
    status: SettableStatus,
    requestId?: string,
  ): Promise<BusinessRecord> {
    return this.change(
      caller,
      id,
      { kind: 'setStatus', to: status },
      async (tx, business, next) => {
        if (!next.changed) return business;
        const updated = await tx.businesses.update(id, { status: next.status });
        await tx.outbox.add(
          BusinessEvents.statusChanged(updated, business.status, caller.id, requestId),
        );
        return updated;
      },
    );
  }

  async verify(caller: Caller, id: string, requestId?: string): Promise<BusinessRecord> {
    return this.change(caller, id, { kind: 'verify' }, async (tx, _business, next) => {
      const updated = await tx.businesses.update(id, {
        status: next.status,
        isVerified: true,
        verifiedAt: new Date(),
      });
      await tx.outbox.add(BusinessEvents.verified(updated, requestId));
      return updated;
    });
  }

  /** Soft: the row stays, DELETED, and keeps holding its owner's one business. */
  async delete(caller: Caller, id: string, requestId?: string): Promise<void> {
    await this.change(caller, id, { kind: 'delete' }, async (tx, _business, next) => {
      const deleted = await tx.businesses.update(id, { status: next.status });
      await tx.outbox.add(BusinessEvents.deleted(deleted, requestId));
      return deleted;
    });
  }

  /**
   * For other services: any status, deleted included (they judge bookability themselves), with
   * the version, so a read model kept from events can take the answer when it is newer.
   */
  async summaryById(id: string): Promise<VersionedBusiness> {
    const business = await this.store.repos.businesses.findScheduled({ id });
    if (!business) throw notFound('Business');
    return versioned(business);
  }

  async summaryByOwner(ownerId: string): Promise<VersionedBusiness> {
    const business = await this.store.repos.businesses.findScheduled({ ownerId });
    if (!business) throw notFound('Business');
    return versioned(business);
  }

  private change(
    caller: Caller,
    id: string,
    command: BusinessCommand,
    apply: (tx: Repositories, business: BusinessRecord, next: Allowed) => Promise<BusinessRecord>,
  ): Promise<BusinessRecord> {
    return changeBusiness(this.store, caller, id, command, apply);
  }
}
