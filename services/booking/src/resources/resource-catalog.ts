import { categoryResources, resourceSnapshot, type ResourceSnapshot } from '@slotwise/contracts';
import type { ServiceClient } from '@slotwise/platform/client';
import { z } from 'zod';

const answer = z.object({ data: resourceSnapshot });
const categoryAnswer = z.object({ data: categoryResources });

/**
 * Resources as the resource service describes them, one round trip per resource and then cached
 * for a few seconds: on the hot path most bookings are for resources asked about a moment ago.
 * A snapshot is never older than the TTL, so the price in a booking is the one the customer saw
 * (give or take those seconds). Concurrent misses for one resource share one call.
 */
export class ResourceCatalog {
  private readonly cache = new Map<string, { at: number; snapshot: ResourceSnapshot | null }>();
  private readonly inFlight = new Map<string, Promise<ResourceSnapshot | null>>();
  private readonly categories = new Map<string, { at: number; units: ResourceSnapshot[] | null }>();
  private readonly categoriesInFlight = new Map<string, Promise<ResourceSnapshot[] | null>>();

  constructor(
    private readonly client: ServiceClient,
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The snapshot, or null when the resource service does not know the id. 503 when it is down. */
  async get(resourceId: string, requestId?: string): Promise<ResourceSnapshot | null> {
    const cached = this.cache.get(resourceId);
    if (cached && Date.now() - cached.at < this.ttlMs) return cached.snapshot;
    let pending = this.inFlight.get(resourceId);
    if (!pending) {
      pending = this.fetch(resourceId, requestId).finally(() => this.inFlight.delete(resourceId));
      this.inFlight.set(resourceId, pending);
    }
    return pending;
  }

  private async fetch(resourceId: string, requestId?: string): Promise<ResourceSnapshot | null> {
    const response = await this.client.get(`/internal/resources/${resourceId}`, {
      schema: answer,
      ...(requestId ? { requestId } : {}),
    });
    if (!response.ok && response.status !== 404) {
      throw new Error(`resource service answered ${response.status} for a resource lookup`);
    }
    const snapshot = response.ok ? response.body.data : null;
    if (this.ttlMs > 0) {
      if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(resourceId, { at: Date.now(), snapshot });
    }
    return snapshot;
  }

  /**
   * The ACTIVE resources of a category (a room type), in the order pooled booking tries them, or
   * null when the category is unknown. Cached like a snapshot.
   */
  async category(categoryId: string, requestId?: string): Promise<ResourceSnapshot[] | null> {
    const cached = this.categories.get(categoryId);
    if (cached && Date.now() - cached.at < this.ttlMs) return cached.units;
    let pending = this.categoriesInFlight.get(categoryId);
    if (!pending) {
      pending = this.fetchCategory(categoryId, requestId).finally(() =>
        this.categoriesInFlight.delete(categoryId),
      );
      this.categoriesInFlight.set(categoryId, pending);
    }
    return pending;
  }

  private async fetchCategory(
    categoryId: string,
    requestId?: string,
  ): Promise<ResourceSnapshot[] | null> {
    const response = await this.client.get(`/internal/categories/${categoryId}/resources`, {
      schema: categoryAnswer,
      ...(requestId ? { requestId } : {}),
    });
    if (!response.ok && response.status !== 404) {
      throw new Error(`resource service answered ${response.status} for a category lookup`);
    }
    const units = response.ok ? response.body.data : null;
    if (this.ttlMs > 0) {
      if (this.categories.size >= this.maxEntries) {
        this.categories.delete(this.categories.keys().next().value!);
      }
      this.categories.set(categoryId, { at: Date.now(), units });
    }
    return units;
  }
}
