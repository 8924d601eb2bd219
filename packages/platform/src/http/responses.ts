import { z } from 'zod';

/** API.md's success shapes, as zod schemas for routes' response declarations. */
export const dataOf = <T extends z.ZodType>(schema: T) => z.object({ data: schema });

export const pageMeta = z.object({
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});

export const listOf = <T extends z.ZodType>(schema: T) =>
  z.object({ data: z.array(schema), meta: pageMeta });

/** `?page=1&limit=20`, limit at most 100. */
export const paginationQuery = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

export interface Page {
  page: number;
  limit: number;
}

export const toSkipTake = ({ page, limit }: Page): { skip: number; take: number } => ({
  skip: (page - 1) * limit,
  take: limit,
});

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string(),
  }),
});

/** A path id: malformed → 400 VALIDATION_ERROR before the handler (API.md). */
export const idParams = z.object({ id: z.uuid() });
