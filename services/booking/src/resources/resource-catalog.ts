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
    /** How long an answer is kept for the readers that accept older ones. */
    private readonly keepMs = ttlMs,
  ) {}

  /** The answer for `key` if it is younger than `maxAgeMs` (the cache's TTL by default). */
  get(key: string, load: () => Promise<T | null>, maxAgeMs = this.ttlMs): Promise<T | null> {
    const cached = this.entries.get(key);
    if (cached && Date.now() - cached.at < maxAgeMs) return Promise.resolve(cached.value);
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
    if (this.keepMs <= 0) return;
    if (this.entries.size >= this.maxEntries)
      this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { at: Date.now(), value });
  }
}

/**
 * Resources as the resource service describes them, one round trip per resource (or room type)
 * and then cached: on the hot path most bookings are for resources asked about a moment ago.
 * A booking takes a snapshot never older than `ttlMs` (a few seconds), so its price is the one
 * the customer saw. Availability, which shows no price, accepts one up to `readTtlMs` old:
 * every change of a resource or business drops its snapshots at once (booking's consumer of
 * their events), so that bound only matters while events are late.
 */
export class ResourceCatalog {
  private readonly snapshots: ShortCache<ResourceSnapshot>;
  private readonly categories: ShortCache<ResourceSnapshot[]>;

  constructor(
    private readonly client: ServiceClient,
    ttlMs: number,
    private readonly readTtlMs = ttlMs,
    maxEntries = 10_000,
  ) {
    const keepMs = Math.max(ttlMs, readTtlMs);
    this.snapshots = new ShortCache(ttlMs, maxEntries, keepMs);
    this.categories = new ShortCache(ttlMs, maxEntries, keepMs);
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
  get(resourceId: string, requestId?: string, maxAgeMs?: number): Promise<ResourceSnapshot | null> {
    return this.snapshots.get(
      resourceId,
      () => this.fetch(`/internal/resources/${resourceId}`, answer, 'resource', requestId),
      maxAgeMs,
    );
  }

  /**
   * The ACTIVE resources of a category (a room type), in the order pooled booking tries them, or
   * null when the category is unknown.
   */
  category(
    categoryId: string,
    requestId?: string,
    maxAgeMs?: number,
  ): Promise<ResourceSnapshot[] | null> {
    return this.categories.get(
      categoryId,
      () =>
        this.fetch(
          `/internal/categories/${categoryId}/resources`,
          categoryAnswer,
          'category',
          requestId,
        ),
      maxAgeMs,
    );
  }

  /**
   * What a request names: a resource (one unit) or a room type (its units), null when the
   * resource service does not know it.
   */
  async units(
    target: { resourceId?: string | undefined; categoryId?: string | undefined },
    requestId?: string,
    use: 'booking' | 'reading' = 'booking',
  ): Promise<ResourceSnapshot[] | null> {
    const maxAge = use === 'reading' ? this.readTtlMs : undefined;
    if (target.categoryId !== undefined) return this.category(target.categoryId, requestId, maxAge);
    const one = await this.get(target.resourceId ?? '', requestId, maxAge);
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
