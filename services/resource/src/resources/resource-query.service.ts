import { resourceTypes } from '@slotwise/contracts';
import { forbidden, notFound } from '@slotwise/platform/errors';
import { isAdmin, mayManage, type Caller, type Viewer } from '../access/caller.js';
import type { BusinessDirectory } from '../businesses/business-directory.js';
import type { Store } from '../db/store.repository.js';
import type {
  ListScope,
  ResourceFilter,
  ResourceRecord,
  ResourceSort,
  ResourceStats,
} from './resource.types.js';

/**
 * Who sees what in a list: ADMIN everything, a vendor also their own, everyone (anonymous
 * visitors too) the public part.
 */
function scopeOf(caller: Viewer): ListScope {
  if (isAdmin(caller)) return { kind: 'all' };
  return caller.role === 'VENDOR' ? { kind: 'public', ownerId: caller.id } : { kind: 'public' };
}

/** Reading many resources at once: the filtered list and a business's statistics. */
export class ResourceQueryService {
  constructor(
    private readonly store: Store,
    private readonly directory: BusinessDirectory,
  ) {}

  async list(
    caller: Viewer,
    filter: ResourceFilter,
    sort: ResourceSort,
    page: { skip: number; take: number },
  ): Promise<{ items: ResourceRecord[]; total: number }> {
    return this.store.repos.resourceQueries.list(scopeOf(caller), filter, sort, page);
  }

  /**
   * A vendor's own business (its id may be left out), any business or the whole platform for an
   * ADMIN. Another vendor's business is 403, an unknown one 404.
   */
  async stats(caller: Caller, businessId?: string, requestId?: string): Promise<ResourceStats> {
    let scope = businessId;
    if (businessId) {
      const business = await this.directory.byId(businessId, requestId);
      if (!business) throw notFound('Business');
      if (!mayManage(caller, business)) throw forbidden('These figures belong to another business');
    } else if (!isAdmin(caller)) {
      // Whose business it is never changes: the read model answers without a remote call.
      const own =
        (await this.store.repos.businesses.findByOwner(caller.id)) ??
        (await this.directory.ofOwner(caller.id, requestId));
      if (!own) throw notFound('Business');
      scope = own.id;
    }
    const raw = await this.store.repos.resourceQueries.stats(scope);
    const zeroes = (keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, 0]));
    return {
      total: raw.total,
      byStatus: {
        ...zeroes(['ACTIVE', 'INACTIVE', 'MAINTENANCE']),
        ...raw.byStatus,
      } as ResourceStats['byStatus'],
      byType: { ...zeroes(resourceTypes), ...raw.byType } as ResourceStats['byType'],
      // Most used first; on a tie, named categories by name, then "no category".
      byCategory: raw.byCategory.sort(
        (a, b) =>
          b.count - a.count ||
          Number(a.name === null) - Number(b.name === null) ||
          (a.name ?? '').localeCompare(b.name ?? ''),
      ),
      priceByCurrency: raw.priceByCurrency,
    };
  }
}
