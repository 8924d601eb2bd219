import { z } from 'zod';
import { bookingRules } from './booking-rules.js';
import { businessSummary, maintenancePolicy } from './business.js';
import { schedule } from './schedule.js';

/** Resources (API.md, Resource) and what the resource service tells others about them. */
export const resourceTypes = ['HOTEL_ROOM', 'DOCTOR_SLOT', 'SALON_CHAIR', 'DESK', 'OTHER'] as const;
export const resourceType = z.enum(resourceTypes);
export type ResourceType = z.infer<typeof resourceType>;

export const resourceStatuses = ['ACTIVE', 'INACTIVE', 'MAINTENANCE', 'DELETED'] as const;
export const resourceStatus = z.enum(resourceStatuses);
export type ResourceStatus = z.infer<typeof resourceStatus>;

export const priceUnits = ['PER_BOOKING', 'PER_HOUR', 'PER_DAY', 'PER_NIGHT'] as const;
export const priceUnit = z.enum(priceUnits);
export type PriceUnit = z.infer<typeof priceUnit>;

/** Money is a decimal string with two decimals ("150.00"), never a float (API.md). */
export const money = z
  .string()
  .regex(/^\d{1,10}\.\d{2}$/, 'a decimal string with two decimals, like "150.00"')
  .meta({ examples: ['150.00'] });
export const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 code, like "USD"')
  .meta({ examples: ['USD'] });

/**
 * `GET /internal/resources/:id` answers `{ data: ResourceSnapshot }`: all booking needs to check
 * bookability and take its snapshot, in one round trip.
 */
export const resourceSnapshot = z.object({
  id: z.uuid(),
  name: z.string(),
  type: resourceType,
  status: resourceStatus,
  price: money,
  currency,
  priceUnit,
  categoryId: z.uuid().nullable(),
  /** Its rules with the defaults filled in. */
  bookingRules,
  /** The opening hours that apply: its own, else its business's (`weekly: null`: always open). */
  schedule,
  business: businessSummary,
});
export type ResourceSnapshot = z.infer<typeof resourceSnapshot>;

/**
 * `GET /internal/categories/:id/resources` answers `{ data: ResourceSnapshot[] }`: the category's
 * ACTIVE resources in a stable order (created first, then id), for pooled booking and its
 * availability.
 */
export const categoryResources = z.array(resourceSnapshot);

/** Data of every `resource.*` event: the resource as it is after the change. */
export const resourceEventData = z.object({
  id: z.uuid(),
  businessId: z.uuid(),
  name: z.string(),
  type: resourceType,
  status: resourceStatus,
  categoryId: z.uuid().nullable(),
  price: money,
  currency,
  priceUnit,
  /**
   * On `resource.status_changed`: its business's owner and, for a change to MAINTENANCE, what
   * the business chose to do with the upcoming bookings then (cancel them, or keep them and warn
   * the owner). Absent on the other events and from older senders.
   */
  ownerId: z.uuid().optional(),
  maintenancePolicy: maintenancePolicy.optional(),
});
export type ResourceEventData = z.infer<typeof resourceEventData>;
