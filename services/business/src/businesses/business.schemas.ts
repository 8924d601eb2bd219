import { businessStatus, businessType } from '@slotwise/contracts';
import { paginationQuery } from '@slotwise/platform/http';
import { z } from 'zod';
import { settableStatuses } from './business-status.machine.js';
import { businessSorts, type BusinessRecord } from './business.types.js';
import { canonicalTimeZone } from './timezones.js';

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
  name: oneLine(200),
  description: prose(2000),
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email())
    .transform((value) => value.toLowerCase()),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,32}$/, 'a phone number'),
  address: prose(500),
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
});
export type CreateBusinessInput = z.output<typeof createBusinessBody>;

/** The body of PATCH /:id: the profile only; `null` clears an optional field. */
export const updateBusinessBody = z
  .strictObject({
    name: fields.name.optional(),
    description: fields.description.nullable().optional(),
    email: fields.email.nullable().optional(),
    phone: fields.phone.nullable().optional(),
    address: fields.address.nullable().optional(),
    timezone: fields.timezone.optional(),
    confirmationWindowMinutes: fields.confirmationWindowMinutes.optional(),
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
  sort: z.enum(businessSorts).default('-createdAt'),
  ...paginationQuery,
});
