import { ALWAYS_OPEN, resolveBookingRules, type ResourceSnapshot } from '@slotwise/contracts';
import { notFound } from '@slotwise/platform/errors';
import type { Store } from '../db/store.repository.js';
import type { ResourceWithBusiness } from '../resources/resource.types.js';

/**
 * What booking needs of a resource, with its business, in one round trip: its rules with the
 * defaults filled in, and the opening hours that apply (its own, else its business's, else open
 * around the clock). The business comes from the read model, which the foreign key guarantees.
 */
export function snapshotOf(resource: ResourceWithBusiness): ResourceSnapshot {
  const { id, name, type, status, price, currency, priceUnit, categoryId } = resource;
  const { version: _version, schedule: businessSchedule, ...business } = resource.business;
  return {
    id,
    name,
    type,
    status,
    price,
    currency,
    priceUnit,
    categoryId,
    bookingRules: resolveBookingRules(resource.bookingRules),
    schedule: resource.schedule ?? businessSchedule ?? ALWAYS_OPEN,
    business,
  };
}

/** Booking's reads, whatever the statuses of the resources and their business: booking decides. */
export class SnapshotService {
  constructor(private readonly store: Store) {}

  async snapshot(id: string): Promise<ResourceSnapshot> {
    const resource = await this.store.repos.resources.findWithBusiness(id);
    if (!resource) throw notFound('Resource');
    return snapshotOf(resource);
  }

  /** A category's ACTIVE resources, the first created first: pooled booking's stable order. */
  async ofCategory(categoryId: string): Promise<ResourceSnapshot[]> {
    const { categories, resources } = this.store.repos;
    if (!(await categories.exists(categoryId))) throw notFound('Category');
    return (await resources.listActiveInCategory(categoryId)).map(snapshotOf);
  }
}
