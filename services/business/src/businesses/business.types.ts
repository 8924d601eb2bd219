import type {
  BusinessStatus,
  BusinessType,
  CancellationPolicy,
  MaintenancePolicy,
  PaymentMode,
  Schedule,
  UserRole,
} from '@slotwise/contracts';

/** A business as the services see it: a plain object, never a Prisma type. */
export interface BusinessRecord {
  id: string;
  ownerId: string;
  name: string;
  description: string | null;
  type: BusinessType;
  email: string | null;
  phone: string | null;
  address: string | null;
  timezone: string;
  /** Minutes a PENDING booking waits for the business to confirm it (5 to 10080). */
  confirmationWindowMinutes: number;
  paymentMode: PaymentMode;
  cancellationPolicy: CancellationPolicy;
  /** What a resource's future bookings become when it is put in MAINTENANCE. */
  maintenancePolicy: MaintenancePolicy;
  status: BusinessStatus;
  isVerified: boolean;
  verifiedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What the owner (or an admin) may edit; ownership, status and verification are not here. */
export interface BusinessProfile {
  name: string;
  description: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  timezone: string;
  confirmationWindowMinutes: number;
  paymentMode: PaymentMode;
  cancellationPolicy: CancellationPolicy;
  maintenancePolicy: MaintenancePolicy;
}

/**
 * A business with its opening hours (null: open around the clock). Only the reads that need the
 * hours load them: a list of businesses does not carry up to 500 overrides each.
 */
export interface ScheduledBusiness extends BusinessRecord {
  schedule: Schedule | null;
}

export type NewBusiness = Pick<BusinessRecord, 'id' | 'ownerId' | 'type'> & BusinessProfile;

export type BusinessChanges = Partial<
  BusinessProfile & Pick<BusinessRecord, 'status' | 'isVerified' | 'verifiedAt'>
>;

/** `-createdAt`: newest first. Every order ends with the id, so pages never overlap. */
export const businessSorts = ['createdAt', '-createdAt', 'name', '-name'] as const;
export type BusinessSort = (typeof businessSorts)[number];

export interface BusinessFilter {
  type?: BusinessType;
  status?: BusinessStatus;
  search?: string;
  /** Part of the address (a city is written there), any case. */
  city?: string;
}

/** Who is asking, as the service needs it: no HTTP types past the routes. */
export interface Caller {
  id: string;
  role: UserRole;
}

/** Who is reading the public catalog: a signed-in person, or null for an anonymous visitor. */
export type Viewer = Caller | null;
