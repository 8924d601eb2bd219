import type { PriceUnit, ResourceStatus, ResourceType } from '@slotwise/contracts';
import type { BusinessRecord } from '../businesses/business.repository.js';

/** A JSON object, as `metadata` must be. */
export type Metadata = Record<string, unknown>;

/** A resource as the services see it: a plain object, money as a string, never a Prisma type. */
export interface ResourceRecord {
  id: string;
  businessId: string;
  name: string;
  type: ResourceType;
  categoryId: string | null;
  description: string | null;
  /** Two decimals, exactly as stored ("19.99"). */
  price: string;
  currency: string;
  priceUnit: PriceUnit;
  metadata: Metadata;
  status: ResourceStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ResourceWithBusiness extends ResourceRecord {
  business: BusinessRecord;
}

/** What a vendor gives when creating one (the route's validated body). */
export interface ResourceInput {
  name: string;
  type: ResourceType;
  categoryId?: string | undefined;
  description?: string | undefined;
  price: string;
  currency: string;
  priceUnit?: PriceUnit | undefined;
  metadata?: Metadata | undefined;
}

export type NewResource = Pick<
  ResourceRecord,
  'id' | 'businessId' | 'name' | 'type' | 'categoryId'
> &
  Pick<ResourceRecord, 'description' | 'price' | 'currency' | 'priceUnit' | 'metadata'>;

/** PATCH /:id: a null clears `description` or `categoryId`. */
export type ResourceChanges = Partial<
  Pick<
    ResourceRecord,
    'name' | 'description' | 'categoryId' | 'price' | 'currency' | 'priceUnit' | 'metadata'
  >
>;

export const resourceSorts = [
  'price',
  '-price',
  'name',
  '-name',
  'createdAt',
  '-createdAt',
] as const;
export type ResourceSort = (typeof resourceSorts)[number];

export interface ResourceFilter {
  businessId?: string | undefined;
  type?: ResourceType | undefined;
  status?: ResourceStatus | undefined;
  categoryId?: string | undefined;
  minPrice?: string | undefined;
  maxPrice?: string | undefined;
  search?: string | undefined;
}

/**
 * Which rows a caller may list. `public`: ACTIVE resources of ACTIVE, verified businesses;
 * `ownerId` adds every resource of that owner's business; `all` is for ADMIN.
 */
export type ListScope = { kind: 'all' } | { kind: 'public'; ownerId?: string };

export interface PriceRange {
  min: string;
  max: string;
  avg: string;
}

export interface ResourceStats {
  total: number;
  byStatus: Record<Exclude<ResourceStatus, 'DELETED'>, number>;
  byType: Record<ResourceType, number>;
  byCategory: { categoryId: string | null; name: string | null; count: number }[];
  priceByCurrency: Record<string, PriceRange>;
}
