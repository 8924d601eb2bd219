import { categoryResources, resourceSnapshot, type ResourceSnapshot } from '@slotwise/contracts';
import type { ServiceClient } from '@slotwise/platform/client';
import { z } from 'zod';

const answer = z.object({ data: resourceSnapshot });
const categoryAnswer = z.object({ data: categoryResources });

/**
 * Answers of the resource service kept for a few seconds, with concurrent misses for one key
 * sharing one call. Null (the service does not know the id) is kept like any answer.
 */
class ShortCache<T> {
  private readonly entries = new Map<string, { at: number; value: T | null }>();
  private readonly inFlight = new Map<string, Promise<T | null>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: string, load: () => Promise<T | null>): Promise<T | null> {
    const cached = this.entries.get(key);
    if (cached && Date.now() - cached.at < this.ttlMs) return Promise.resolve(cached.value);
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = load()
        .then((value) => {
          this.remember(key, value);
          return value;
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /** Forgets the answers `drop` picks (all with no argument): the next get asks again. */
  forget(drop: (value: T | null, key: string) => boolean = () => true): void {
    for (const [key, entry] of this.entries) {
      if (drop(entry.value, key)) this.entries.delete(key);
    }
  }

  private remember(key: string, value: T | null): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries)
      this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { at: Date.now(), value });
  }
}

/**
 * Resources as the resource service describes them, one round trip per resource (or room type)
 * and then cached for a few seconds: on the hot path most bookings are for resources asked about a
 * moment ago. A snapshot is never older than the TTL, so the price in a booking is the one the
 * customer saw (give or take those seconds).
 */
export class ResourceCatalog {
  private readonly snapshots: ShortCache<ResourceSnapshot>;
  private readonly categories: ShortCache<ResourceSnapshot[]>;

  constructor(
    private readonly client: ServiceClient,
    ttlMs: number,
    maxEntries = 10_000,
  ) {
    this.snapshots = new ShortCache(ttlMs, maxEntries);
    this.categories = new ShortCache(ttlMs, maxEntries);
  }

  /**
   * A resource changed (its event says so): its snapshot goes, and every room type's list, which
   * it may have joined or left.
   */
  forgetResource(resourceId: string): void {
    this.snapshots.forget((_value, key) => key === resourceId);
    this.categories.forget();
  }

  /** A business changed (status, hours, policies): the snapshots of its resources go. */
  forgetBusiness(businessId: string): void {
    this.snapshots.forget((value) => value?.business.id === businessId);
    this.categories.forget();
  }

  /** The snapshot, or null when the resource service does not know the id. 503 when it is down. */
  get(resourceId: string, requestId?: string): Promise<ResourceSnapshot | null> {
    return this.snapshots.get(resourceId, () =>
      this.fetch(`/internal/resources/${resourceId}`, answer, 'resource', requestId),
    );
  }

  /**
   * The ACTIVE resources of a category (a room type), in the order pooled booking tries them, or
   * null when the category is unknown.
   */
  category(categoryId: string, requestId?: string): Promise<ResourceSnapshot[] | null> {
    return this.categories.get(categoryId, () =>
      this.fetch(
        `/internal/categories/${categoryId}/resources`,
        categoryAnswer,
        'category',
        requestId,
      ),
    );
  }

  /**
   * What a request names: a resource (one unit) or a room type (its units), null when the
   * resource service does not know it.
   */
  async units(
    target: { resourceId?: string | undefined; categoryId?: string | undefined },
    requestId?: string,
  ): Promise<ResourceSnapshot[] | null> {
    if (target.categoryId !== undefined) return this.category(target.categoryId, requestId);
    const one = await this.get(target.resourceId ?? '', requestId);
    return one && [one];
  }

  private async fetch<T>(
    path: string,
    schema: z.ZodType<{ data: T }>,
    what: string,
    requestId?: string,
  ): Promise<T | null> {
    const response = await this.client.get(path, {
      schema,
      ...(requestId ? { requestId } : {}),
    });
    if (!response.ok && response.status !== 404) {
      throw new Error(`resource service answered ${response.status} for a ${what} lookup`);
    }
    return response.ok ? response.body.data : null;
  }
}
