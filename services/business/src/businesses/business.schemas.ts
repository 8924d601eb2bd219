import {
  businessStatus,
  businessType,
  CANCELLATION_POLICY_DEFAULTS,
  cancellationPolicy,
  FREE_CANCELLATION_HOURS_MAX,
  MAINTENANCE_POLICY_DEFAULT,
  maintenancePolicy,
  PAYMENT_MODE_DEFAULT,
  paymentMode,
} from '@slotwise/contracts';
import { paginationQuery } from '@slotwise/platform/http';
import { z } from 'zod';
import { settableStatuses } from './business-status.machine.js';
import { businessSorts, type BusinessRecord } from './business.types.js';
import { canonicalTimeZone } from './timezones.js';

const PAYMENT_MODE_TEXT =
  'How customers pay: NONE (default; nothing is paid through the platform), PREPAY (the ' +
  'booking’s total when it is made; an unpaid booking is released when its payment window ' +
  'ends), POSTPAY (the customer is asked to pay once the booking is completed)';
const CANCELLATION_POLICY_TEXT =
  'A customer who cancels at least freeCancellationHours before the start is refunded in full, ' +
  'later gets lateRefundPercent back; a cancellation by the business, an admin or the platform ' +
  'is refunded in full, a NO_SHOW not at all. Customers may reschedule until ' +
  'freeCancellationHours before the start; after that only the business or an admin can';
const MAINTENANCE_POLICY_TEXT =
  'What happens to a resource’s future bookings when it is put in MAINTENANCE: CANCEL (they ' +
  'are cancelled and refunded, and the customers told) or KEEP (default; they are kept and the ' +
  'vendor is warned)';

export const businessSchema = z
  .object({
    id: z.uuid(),
    ownerId: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    type: businessType,
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    timezone: z.string(),
    confirmationWindowMinutes: z
      .number()
      .int()
      .describe('Minutes a PENDING booking waits for the business to confirm it'),
    paymentMode: paymentMode.describe(PAYMENT_MODE_TEXT),
    cancellationPolicy: cancellationPolicy.describe(CANCELLATION_POLICY_TEXT),
    maintenancePolicy: maintenancePolicy.describe(MAINTENANCE_POLICY_TEXT),
    status: businessStatus,
    isVerified: z.boolean(),
    verifiedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Business' });

export type BusinessJson = z.infer<typeof businessSchema>;

export function presentBusiness(business: BusinessRecord): BusinessJson {
  const { version: _version, ...rest } = business;
  return {
    ...rest,
    verifiedAt: business.verifiedAt?.toISOString() ?? null,
    createdAt: business.createdAt.toISOString(),
    updatedAt: business.updatedAt.toISOString(),
  };
}

/** Fields a person types: trimmed and bounded; one line unless the field is prose. */
const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'no control characters');
const prose = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^(?:[^\p{Cc}]|[\r\n\t])*$/u, 'no control characters but line breaks and tabs');

const fields = {
  name: oneLine(200).meta({ examples: ['Sakura Inn'] }),
  description: prose(2000).meta({ examples: ['A quiet inn by the river, ten minutes from Gion.'] }),
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email())
    .transform((value) => value.toLowerCase()),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,32}$/, 'a phone number')
    .meta({ examples: ['+81 75 123 4567'] }),
  address: prose(500).meta({ examples: ['1-2-3 Gion, Higashiyama, Kyoto'] }),
  timezone: z
    .string()
    .trim()
    .max(64)
    .transform((value, ctx) => {
      const zone = canonicalTimeZone(value);
      if (zone) return zone;
      ctx.addIssue({ code: 'custom', message: 'an IANA time zone name, e.g. Europe/Paris or UTC' });
      return z.NEVER;
    }),
  confirmationWindowMinutes: z
    .number()
    .int()
    .min(5)
    .max(10_080)
    .describe(
      'Minutes (5 to 10080, a week) a PENDING booking waits for the business to confirm it ' +
        'before it expires',
    ),
  paymentMode: paymentMode.describe(PAYMENT_MODE_TEXT),
  /**
   * Replaced whole, never merged: a key left out takes its default, so what a client sends is the
   * whole policy and no earlier value lingers unseen.
   */
  cancellationPolicy: z
    .strictObject({
      freeCancellationHours: z
        .number()
        .int()
        .min(0)
        .max(FREE_CANCELLATION_HOURS_MAX)
        .default(CANCELLATION_POLICY_DEFAULTS.freeCancellationHours)
        .describe('Whole hours before the start (0 to 8760, default 24)'),
      lateRefundPercent: z
        .number()
        .int()
        .min(0)
        .max(100)
        .default(CANCELLATION_POLICY_DEFAULTS.lateRefundPercent)
        .describe('Percent refunded for a later cancellation (0 to 100, default 0)'),
    })
    .describe(
      `${CANCELLATION_POLICY_TEXT}. The object is replaced whole (on PATCH too): a key left out ` +
        'takes its default, so {"lateRefundPercent": 50} means {"freeCancellationHours": 24, ' +
        '"lateRefundPercent": 50} whatever was set before; {} restores the defaults',
    ),
  maintenancePolicy: maintenancePolicy.describe(MAINTENANCE_POLICY_TEXT),
};

/** The body of POST /: no id, owner, status or verification — those are the service's. */
export const createBusinessBody = z.strictObject({
  name: fields.name,
  type: businessType,
  description: fields.description.optional(),
  email: fields.email.optional(),
  phone: fields.phone.optional(),
  address: fields.address.optional(),
  timezone: fields.timezone.default('UTC'),
  confirmationWindowMinutes: fields.confirmationWindowMinutes.default(1_440),
  paymentMode: fields.paymentMode.default(PAYMENT_MODE_DEFAULT),
  cancellationPolicy: fields.cancellationPolicy.default(() => ({
    ...CANCELLATION_POLICY_DEFAULTS,
  })),
  maintenancePolicy: fields.maintenancePolicy.default(MAINTENANCE_POLICY_DEFAULT),
});
export type CreateBusinessInput = z.output<typeof createBusinessBody>;

/**
 * The body of PATCH /:id: the profile and the payment settings; `null` clears an optional field
 * (the settings are not optional: send the default to go back to it).
 */
export const updateBusinessBody = z
  .strictObject({
    name: fields.name.optional(),
    description: fields.description.nullable().optional(),
    email: fields.email.nullable().optional(),
    phone: fields.phone.nullable().optional(),
    address: fields.address.nullable().optional(),
    timezone: fields.timezone.optional(),
    confirmationWindowMinutes: fields.confirmationWindowMinutes.optional(),
    paymentMode: fields.paymentMode.optional(),
    cancellationPolicy: fields.cancellationPolicy.optional(),
    maintenancePolicy: fields.maintenancePolicy.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'at least one field to change');
export type UpdateBusinessInput = z.output<typeof updateBusinessBody>;

export const setStatusBody = z.strictObject({
  status: z.enum(settableStatuses).describe('DELETED is reached through DELETE /:id only'),
});

export const listBusinessesQuery = z.strictObject({
  type: businessType.optional(),
  status: businessStatus.optional().describe('Non-admins may only ask for ACTIVE'),
  search: z.string().trim().min(1).max(100).optional().describe('Part of the name, any case'),
  city: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('A city: part of the address, any case (`kyoto` finds "1-2-3 Gion, Kyoto")'),
  sort: z.enum(businessSorts).default('-createdAt'),
  ...paginationQuery,
});
