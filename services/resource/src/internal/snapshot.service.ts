import type { ResourceSnapshot } from '@slotwise/contracts';
import { notFound } from '@slotwise/platform/errors';
import type { BusinessDirectory } from '../businesses/business-directory.js';
import type { Store } from '../db/store.repository.js';

/**
 * What booking needs of a resource in one round trip, whatever its status or its business's:
 * booking decides bookability. The business part comes from the read model, or from the business
 * service when the read model lacks it (the foreign key makes that a safety net only).
 */
export class SnapshotService {
  constructor(
    private readonly store: Store,
    private readonly directory: BusinessDirectory,
  ) {}

  async snapshot(id: string, requestId?: string): Promise<ResourceSnapshot> {
    const resource = await this.store.repos.resources.findById(id);
    if (!resource) throw notFound('Resource');
    const business = await this.directory.byId(resource.businessId, requestId);
    if (!business) throw notFound('Resource');
    const { name, type, status, price, currency, priceUnit } = resource;
    return { id, name, type, status, price, currency, priceUnit, business };
  }
}
