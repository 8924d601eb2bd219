import { randomUUID } from 'node:crypto';
import { isBusinessBookable, type BusinessSummary } from '@slotwise/contracts';
import { notFound } from '@slotwise/platform/errors';
import type { Caller, Viewer } from '../access/caller.js';
import type { BusinessDirectory } from '../businesses/business-directory.js';
import { ForeignKeyViolation } from '@slotwise/platform/db';
import type { Repositories, Store } from '../db/store.repository.js';
import { ResourceEvents } from '../events/resource-events.js';
import { ResourceErrors } from '../resource.errors.js';
import { mergeRules, sameRules, storedRulesOf } from './booking-rules.js';
import { manageable, visible, withoutBusiness } from './resource-access.js';
import type {
  NewResource,
  ResourceChanges,
  ResourceInput,
  ResourcePatch,
  ResourceRecord,
} from './resource.types.js';

type SettableStatus = 'ACTIVE' | 'INACTIVE' | 'MAINTENANCE';

const invalidCategory = (categoryId: string | null, index?: number): Error =>
  ResourceErrors.create('INVALID_CATEGORY', 'categoryId is not a category of your business', {
    details: { categoryId, ...(index === undefined ? {} : { index }) },
  });

/** The patch as it is written: its booking rules merged into the stored ones. */
function changesOf(current: ResourceRecord, patch: ResourcePatch): ResourceChanges {
  const { bookingRules, ...changes } = patch;
  return bookingRules === undefined
    ? changes
    : { ...changes, bookingRules: mergeRules(current.bookingRules, bookingRules) };
}

function differs(current: ResourceRecord, changes: ResourceChanges): boolean {
  return (Object.keys(changes) as (keyof ResourceChanges)[]).some((key) => {
    if (key === 'bookingRules') return !sameRules(current.bookingRules, changes.bookingRules!);
    if (key === 'metadata') {
      return JSON.stringify(current.metadata) !== JSON.stringify(changes.metadata);
    }
    return current[key] !== changes[key];
  });
}

/**
 * Creating and changing resources. A resource always belongs to its creator's business: the
 * business comes from the business service (ACTIVE and verified, or 422), never from the body.
 * Every change writes its `resource.*` event in the same transaction.
 */
export class ResourceService {
  constructor(
    private readonly store: Store,
    private readonly directory: BusinessDirectory,
  ) {}

  async create(caller: Caller, input: ResourceInput, requestId?: string): Promise<ResourceRecord> {
    const [created] = await this.createAll(caller, [input], false, requestId);
    return created!;
  }

  /** All or nothing: one transaction, one INSERT. */
  async createMany(
    caller: Caller,
    inputs: ResourceInput[],
    requestId?: string,
  ): Promise<ResourceRecord[]> {
    return this.createAll(caller, inputs, true, requestId);
  }

  /** Non-owners see an ACTIVE resource of an ACTIVE, verified business; nobody sees a DELETED one. */
  async get(viewer: Viewer, id: string): Promise<ResourceRecord> {
    return withoutBusiness(visible(viewer, await this.store.repos.resources.findWithBusiness(id)));
  }

  async update(
    caller: Caller,
    id: string,
    patch: ResourcePatch,
    requestId?: string,
  ): Promise<ResourceRecord> {
    return this.withCategoryCheck(() =>
      this.store.transaction(async (tx) => {
        const current = await manageable(tx, caller, id);
        if (patch.categoryId) {
          await this.assertCategories(tx, current.businessId, [patch.categoryId], false);
        }
        const changes = changesOf(current, patch);
        if (!differs(current, changes)) return withoutBusiness(current);
        const updated = await tx.resources.update(id, changes);
        if (!updated) throw notFound('Resource');
        await tx.outbox.add(ResourceEvents.updated(updated, requestId));
        return updated;
      }),
    );
  }

  async setStatus(
    caller: Caller,
    id: string,
    status: SettableStatus,
    requestId?: string,
  ): Promise<ResourceRecord> {
    return this.store.transaction(async (tx) => {
      const current = await manageable(tx, caller, id);
      if (current.status === status) return withoutBusiness(current);
      const updated = await tx.resources.update(id, { status });
      if (!updated) throw notFound('Resource');
      await tx.outbox.add(ResourceEvents.statusChanged(updated, current.business, requestId));
      return updated;
    });
  }

  /** Soft: the row stays (bookings refer to it) with status DELETED; deleting again is a 404. */
  async delete(caller: Caller, id: string, requestId?: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      await manageable(tx, caller, id);
      const deleted = await tx.resources.update(id, { status: 'DELETED' });
      if (!deleted) throw notFound('Resource');
      await tx.outbox.add(ResourceEvents.deleted(deleted, requestId));
    });
  }

  private async createAll(
    caller: Caller,
    inputs: ResourceInput[],
    bulk: boolean,
    requestId?: string,
  ): Promise<ResourceRecord[]> {
    const business = await this.publishingBusiness(caller, requestId);
    const resources: NewResource[] = inputs.map((input) => ({
      id: randomUUID(),
      businessId: business.id,
      name: input.name,
      type: input.type,
      categoryId: input.categoryId ?? null,
      description: input.description ?? null,
      price: input.price,
      currency: input.currency,
      priceUnit: input.priceUnit ?? 'PER_BOOKING',
      metadata: input.metadata ?? {},
      bookingRules: storedRulesOf(input.bookingRules),
    }));
    return this.withCategoryCheck(() =>
      this.store.transaction(async (tx) => {
        const categories = resources.map((resource) => resource.categoryId);
        await this.assertCategories(tx, business.id, categories, bulk);
        const created = await tx.resources.createMany(resources);
        await tx.outbox.add(
          ...created.map((resource) => ResourceEvents.created(resource, requestId)),
        );
        return created;
      }),
    );
  }

  /** The caller's business, asked of the business service: only an ACTIVE, verified one publishes. */
  private async publishingBusiness(caller: Caller, requestId?: string): Promise<BusinessSummary> {
    const business = await this.directory.ofOwner(caller.id, requestId);
    if (!business || !isBusinessBookable(business)) {
      throw ResourceErrors.create(
        'BUSINESS_NOT_ACTIVE',
        business
          ? 'Your business must be ACTIVE and verified to publish resources'
          : 'You have no business yet',
        {
          details: { status: business?.status ?? null, isVerified: business?.isVerified ?? false },
        },
      );
    }
    return business;
  }

  private async assertCategories(
    tx: Repositories,
    businessId: string,
    categoryIds: (string | null)[],
    bulk: boolean,
  ): Promise<void> {
    const wanted = [...new Set(categoryIds.filter((id): id is string => id !== null))];
    const known = await tx.categories.idsOfBusiness(businessId, wanted);
    const index = categoryIds.findIndex((id) => id !== null && !known.has(id));
    if (index !== -1) throw invalidCategory(categoryIds[index]!, bulk ? index : undefined);
  }

  /** A category deleted between the check and the write trips the foreign key instead. */
  private async withCategoryCheck<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ForeignKeyViolation) throw invalidCategory(null);
      throw error;
    }
  }
}
