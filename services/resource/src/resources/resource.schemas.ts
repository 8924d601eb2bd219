import {
  bookingRules,
  bookingRulesInput,
  currency,
  money,
  priceUnit,
  resourceStatus,
  resourceType,
  resourceTypes,
  resolveBookingRules,
} from '@slotwise/contracts';
import { paginationQuery } from '@slotwise/platform/http';
import { z } from 'zod';
import { resourceSorts, type ResourceRecord } from './resource.types.js';

export const METADATA_MAX_BYTES = 16 * 1024;

/** Text a person types: trimmed, bounded, no control characters. */
export const label = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'no control characters');
export const longText = (max: number) => z.string().trim().max(max);

/** ISO 4217, as this runtime's ICU knows it: a well-formed but unknown code ("ABC") is refused. */
const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));
const isoCurrency = currency.refine(
  (code) => knownCurrencies.has(code),
  'an ISO 4217 currency code',
);

/** A JSON object of at most 16 KiB, measured as the UTF-8 bytes of its JSON. */
export const metadata = z
  .record(z.string(), z.unknown())
  .refine(
    (value) => Buffer.byteLength(JSON.stringify(value), 'utf8') <= METADATA_MAX_BYTES,
    `at most ${METADATA_MAX_BYTES} bytes of JSON`,
  );

export const resourceInput = z.strictObject({
  name: label(200).meta({ examples: ['Tatami Room'] }),
  type: resourceType,
  categoryId: z.uuid().optional(),
  description: longText(5_000).optional(),
  price: money,
  currency: isoCurrency,
  priceUnit: priceUnit.optional(),
  metadata: metadata.optional(),
  bookingRules: bookingRulesInput.optional(),
});

export const bulkInput = z.strictObject({
  resources: z.array(resourceInput).min(1).max(100),
});

export const resourcePatch = z
  .strictObject({
    name: label(200)
      .meta({ examples: ['Tatami Room'] })
      .optional(),
    type: resourceType.optional(),
    description: longText(5_000).nullable().optional(),
    categoryId: z.uuid().nullable().optional(),
    price: money.optional(),
    currency: isoCurrency.optional(),
    priceUnit: priceUnit.optional(),
    metadata: metadata.optional(),
    bookingRules: bookingRulesInput
      .optional()
      .describe('Merged into the rules it has; a `slotMinutes` of null clears it'),
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one field to change');

export const statusBody = z.strictObject({ status: z.enum(['ACTIVE', 'INACTIVE', 'MAINTENANCE']) });

/** A price bound in a query string: up to two decimals, still never a float. */
const priceBound = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'a decimal like "10" or "19.99"')
  .meta({ examples: ['100'] });

export const listQuery = z.strictObject({
  businessId: z.uuid().optional(),
  type: resourceType.optional(),
  status: resourceStatus.optional(),
  categoryId: z.uuid().optional(),
  minPrice: priceBound.optional(),
  maxPrice: priceBound.optional(),
  search: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(resourceSorts).default('-createdAt'),
  ...paginationQuery,
});

export const statsQuery = z.strictObject({ businessId: z.uuid().optional() });

export const resourceSchema = z
  .object({
    id: z.uuid(),
    businessId: z.uuid(),
    name: z.string(),
    type: resourceType,
    categoryId: z.uuid().nullable(),
    description: z.string().nullable(),
    price: money,
    currency,
    priceUnit,
    metadata: z.record(z.string(), z.unknown()),
    bookingRules: bookingRules.describe('Every rule, the defaults filled in'),
    status: resourceStatus,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Resource' });
export type ResourceJson = z.infer<typeof resourceSchema>;

export function presentResource(resource: ResourceRecord): ResourceJson {
  return {
    id: resource.id,
    businessId: resource.businessId,
    name: resource.name,
    type: resource.type,
    categoryId: resource.categoryId,
    description: resource.description,
    price: resource.price,
    currency: resource.currency,
    priceUnit: resource.priceUnit,
    metadata: resource.metadata,
    bookingRules: resolveBookingRules(resource.bookingRules),
    status: resource.status,
    createdAt: resource.createdAt.toISOString(),
    updatedAt: resource.updatedAt.toISOString(),
  };
}

const priceRange = z.object({ min: money, max: money, avg: money });

export const statsSchema = z
  .object({
    total: z.number().int(),
    byStatus: z.object({
      ACTIVE: z.number().int(),
      INACTIVE: z.number().int(),
      MAINTENANCE: z.number().int(),
    }),
    byType: z.object(
      Object.fromEntries(resourceTypes.map((type) => [type, z.number().int()])) as Record<
        (typeof resourceTypes)[number],
        z.ZodNumber
      >,
    ),
    byCategory: z
      .array(
        z.object({
          categoryId: z.uuid().nullable(),
          name: z.string().nullable(),
          count: z.number(),
        }),
      )
      .describe('Most used first; categoryId null counts the resources without a category'),
    priceByCurrency: z
      .record(z.string(), priceRange)
      .describe('Per currency: lowest, highest and average price (rounded to cents)'),
  })
  .meta({ id: 'ResourceStats' });
