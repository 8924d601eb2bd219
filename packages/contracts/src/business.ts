import { z } from 'zod';
import { schedule } from './schedule.js';

/** Businesses (API.md, Business) and what the business service tells others about them. */
export const businessTypes = ['HOTEL', 'CLINIC', 'SALON', 'CO_WORKING', 'OTHER'] as const;
export const businessType = z.enum(businessTypes);
export type BusinessType = z.infer<typeof businessType>;

export const businessStatuses = ['PENDING', 'ACTIVE', 'INACTIVE', 'SUSPENDED', 'DELETED'] as const;
export const businessStatus = z.enum(businessStatuses);
export type BusinessStatus = z.infer<typeof businessStatus>;

/**
 * How customers pay (API.md, Business): `NONE`, nothing through the platform; `PREPAY`, the total
 * when the booking is made (an unpaid booking is released when its payment window ends);
 * `POSTPAY`, asked for once the booking is completed.
 */
export const paymentModes = ['NONE', 'PREPAY', 'POSTPAY'] as const;
export const paymentMode = z.enum(paymentModes);
export type PaymentMode = z.infer<typeof paymentMode>;

/**
 * What happens to a resource's future bookings when it is put in MAINTENANCE: `CANCEL` them
 * (refunded, customers told) or `KEEP` them (the vendor is warned).
 */
export const maintenancePolicies = ['CANCEL', 'KEEP'] as const;
export const maintenancePolicy = z.enum(maintenancePolicies);
export type MaintenancePolicy = z.infer<typeof maintenancePolicy>;

/** The bounds of a cancellation policy: a year of notice at most, a percentage. */
export const FREE_CANCELLATION_HOURS_MAX = 8_760;

/**
 * A customer who cancels at least `freeCancellationHours` before the start is refunded in full,
 * later gets `lateRefundPercent` back; cancellations by the business, an admin or the platform are
 * refunded in full, a NO_SHOW not at all. Customers may reschedule until `freeCancellationHours`
 * before the start.
 */
export const cancellationPolicy = z.object({
  freeCancellationHours: z.number().int().min(0).max(FREE_CANCELLATION_HOURS_MAX),
  lateRefundPercent: z.number().int().min(0).max(100),
});
export type CancellationPolicy = z.infer<typeof cancellationPolicy>;

export const PAYMENT_MODE_DEFAULT: PaymentMode = 'NONE';
export const MAINTENANCE_POLICY_DEFAULT: MaintenancePolicy = 'KEEP';
export const CANCELLATION_POLICY_DEFAULTS: Readonly<CancellationPolicy> = Object.freeze({
  freeCancellationHours: 24,
  lateRefundPercent: 0,
});

/**
 * What other services need to know of a business: `GET /internal/businesses/:id` and
 * `GET /internal/businesses/by-owner/:ownerId` answer `{ data: BusinessSummary }`, and every
 * `business.*` event carries one, so a consumer can keep a read model from events alone.
 */
export const businessSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  ownerId: z.uuid(),
  status: businessStatus,
  isVerified: z.boolean(),
  timezone: z.string(),
  /**
   * How long a PENDING booking waits for the business to confirm it before it expires (or until
   * its start, whichever is first). Read as 1440 where a sender predates the field.
   */
  confirmationWindowMinutes: z.number().int().min(1).default(1_440),
  /** The payment settings; read as the defaults where a sender predates them. */
  paymentMode: paymentMode.default(PAYMENT_MODE_DEFAULT),
  cancellationPolicy: cancellationPolicy.default(() => ({ ...CANCELLATION_POLICY_DEFAULTS })),
  maintenancePolicy: maintenancePolicy.default(MAINTENANCE_POLICY_DEFAULT),
});
export type BusinessSummary = z.infer<typeof businessSummary>;

/**
 * What the business service's internal routes answer: the summary as it is now, with the
 * business's aggregate version (the counter its events carry as `version`), so a service that
 * keeps a read model can tell whether the answer or what it holds is newer.
 */
export const versionedBusiness = businessSummary.extend({
  version: z.number().int().min(1),
  /** Its opening hours (`weekly: null`: around the clock). */
  schedule,
});
export type VersionedBusiness = z.infer<typeof versionedBusiness>;

/** Bookable means: ACTIVE and verified. */
export const isBusinessBookable = (
  business: Pick<BusinessSummary, 'status' | 'isVerified'>,
): boolean => business.status === 'ACTIVE' && business.isVerified;

/** `business.created`, `business.verified`, `business.deleted`: the business as it is after. */
export const businessEventData = businessSummary;
export type BusinessEventData = BusinessSummary;

/** `business.status_changed`: also what it was, and who changed it. */
export const businessStatusChangedData = businessSummary.extend({
  previousStatus: businessStatus,
  changedBy: z.uuid().nullable(),
});
export type BusinessStatusChangedData = z.infer<typeof businessStatusChangedData>;

/**
 * `business.updated`: the owner or an admin edited the profile (name, timezone, contact details).
 * The summary's name and timezone can change with it, so read models need the event. It is not in
 * `EventTypes` (event-types.ts), hence its own constant here.
 */
export const businessUpdatedEventType = 'business.updated';
export const businessUpdatedData = businessSummary.extend({
  changedBy: z.uuid().nullable(),
});
export type BusinessUpdatedData = z.infer<typeof businessUpdatedData>;

/**
 * `business.schedule_changed`: the owner or an admin replaced or removed the opening hours. Carries
 * the whole schedule, so a read model needs nothing else.
 */
export const businessScheduleChangedData = businessSummary.extend({
  schedule,
  changedBy: z.uuid().nullable(),
});
export type BusinessScheduleChangedData = z.infer<typeof businessScheduleChangedData>;
