import type {
  BookingRules,
  BookingRulesInput,
  PriceUnit,
  ResourceStatus,
  ResourceType,
  Schedule,
} from '@slotwise/contracts';
import type { BusinessRecord } from '../businesses/business.repository.js';

/** A JSON object, as `metadata` must be. */
export type Metadata = Record<string, unknown>;

/**
 * The booking rules as stored: only the fields the vendor set (`{}`: all defaults);
 * `resolveBookingRules` (contracts) fills in the rest.
 */
export type StoredBookingRules = Partial<BookingRules>;

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
  bookingRules: StoredBookingRules;
  status: ResourceStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** With what is read alongside one resource: its own schedule (null: none) and its business. */
export interface ResourceWithBusiness extends ResourceRecord {
  schedule: Schedule | null;
  business: BusinessRecord;
}

/** GET /:id/schedule: the schedule that applies, and whether it is its business's. */
export interface ResourceScheduleView extends Schedule {
  timezone: string;
  inherited: boolean;
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
  bookingRules?: BookingRulesInput | undefined;
}

export type NewResource = Pick<
  ResourceRecord,
  'id' | 'businessId' | 'name' | 'type' | 'categoryId'
> &
  Pick<
    ResourceRecord,
    'description' | 'price' | 'currency' | 'priceUnit' | 'metadata' | 'bookingRules'
  >;

type Editable =
  'name' | 'type' | 'description' | 'categoryId' | 'price' | 'currency' | 'priceUnit' | 'metadata';

/**
 * PATCH /:id as given: a null clears `description` or `categoryId`; `bookingRules` are merged into
 * the stored ones (a `slotMinutes` of null clears it).
 */
export type ResourcePatch = Partial<Pick<ResourceRecord, Editable>> & {
  bookingRules?: BookingRulesInput | undefined;
};

/** What a repository writes: the stored rules whole (already merged). */
export type ResourceChanges = Partial<Pick<ResourceRecord, Editable | 'bookingRules'>>;

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
