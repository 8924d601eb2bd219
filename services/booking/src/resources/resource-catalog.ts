import { resourceSnapshot, type ResourceSnapshot } from '@slotwise/contracts';
import type { ServiceClient } from '@slotwise/platform/client';
import { z } from 'zod';

const answer = z.object({ data: resourceSnapshot });

/**
 * Resources as the resource service describes them, one round trip per resource and then cached
 * for a few seconds: on the hot path most bookings are for resources asked about a moment ago.
 * A snapshot is never older than the TTL, so the price in a booking is the one the customer saw
 * (give or take those seconds). Concurrent misses for one resource share one call.
 */
export class ResourceCatalog {
  private readonly cache = new Map<string, { at: number; snapshot: ResourceSnapshot | null }>();
  private readonly inFlight = new Map<string, Promise<ResourceSnapshot | null>>();

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
}
