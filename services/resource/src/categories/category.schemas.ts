import { paginationQuery } from '@slotwise/platform/http';
import { z } from 'zod';
import { label, longText } from '../resources/resource.schemas.js';
import type { CategoryRecord } from './category.types.js';

export const categoryInput = z.strictObject({
  name: label(100).meta({ examples: ['Double room'] }),
  description: longText(1_000).optional(),
});

export const categoryPatch = z
  .strictObject({
    name: label(100)
      .meta({ examples: ['Double room'] })
      .optional(),
    description: longText(1_000).nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one field to change');

export const categoryListQuery = z.strictObject({
  businessId: z.uuid().optional().describe('Required, except for a vendor: their own business'),
  ...paginationQuery,
});

export const categorySchema = z
  .object({
    id: z.uuid(),
    businessId: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ResourceCategory' });

export function presentCategory(category: CategoryRecord): z.infer<typeof categorySchema> {
  return {
    ...category,
    createdAt: category.createdAt.toISOString(),
    updatedAt: category.updatedAt.toISOString(),
  };
}
