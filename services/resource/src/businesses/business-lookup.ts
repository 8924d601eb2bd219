import { versionedBusiness, type VersionedBusiness } from '@slotwise/contracts';
import type { ServiceClient } from '@slotwise/platform/client';
import { serviceUnavailable } from '@slotwise/platform/errors';
import { z } from 'zod';

/** The business service's answers about one business, as this service needs them. */
export interface BusinessLookup {
  byOwner(ownerId: string, requestId?: string): Promise<VersionedBusiness | null>;
  byId(id: string, requestId?: string): Promise<VersionedBusiness | null>;
}

const answer = z.object({ data: versionedBusiness });

/**
 * `GET /internal/businesses/...` with a service token (audience 'business'). A 404 is "no such
 * business"; the service client turns an outage into 503 SERVICE_UNAVAILABLE.
 */
export class HttpBusinessLookup implements BusinessLookup {
  constructor(private readonly client: () => ServiceClient) {}

  byOwner(ownerId: string, requestId?: string): Promise<VersionedBusiness | null> {
    return this.get(`/internal/businesses/by-owner/${encodeURIComponent(ownerId)}`, requestId);
  }

  byId(id: string, requestId?: string): Promise<VersionedBusiness | null> {
    return this.get(`/internal/businesses/${encodeURIComponent(id)}`, requestId);
  }

  private async get(path: string, requestId?: string): Promise<VersionedBusiness | null> {
    const response = await this.client().get(path, {
      schema: answer,
      ...(requestId ? { requestId } : {}),
    });
    if (response.ok) return response.body.data;
    if (response.status === 404) return null;
    // Any other refusal (our service token, say) is our misconfiguration; to our callers it is the
    // same as the business service being unreachable, and nothing may be written meanwhile.
    throw serviceUnavailable(
      'business',
      5,
      new Error(`business answered ${response.status} to ${path}`),
    );
  }
}
