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

/** API.md's error envelope; `Error` in the OpenAPI document, where every error response points. */
export const errorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'Error' });

/** A path id: malformed → 400 VALIDATION_ERROR before the handler (API.md). */
export const idParams = z.object({ id: z.uuid() });

/**
 * Route options for a hot read whose answer the handler builds from typed values: the answer is
 * written with `JSON.stringify` instead of being parsed by its zod schema first. The schema still
 * documents the route in OpenAPI and TypeScript still checks the handler's return value against
 * it; only the run-time re-check of our own output is skipped (on availability, with a few hundred
 * ISO timestamps an answer, that check was a tenth of the booking service's CPU).
 */
export const trustedResponse = {
  serializerCompiler: () => (data: unknown) => JSON.stringify(data),
} as const;

const YEAR_10000 = Date.UTC(10_000, 0, 1);

/**
 * An instant a client sends: ISO 8601 with an offset, from 1970 to the end of 9999. Outside
 * that a date means nothing here, and PostgreSQL refuses some of it (it has no year 0).
 */
export const isoInstant = z.iso
  .datetime({ offset: true })
  .refine(
    (value) => {
      const at = Date.parse(value);
      return at >= 0 && at < YEAR_10000;
    },
    { message: 'must be between 1970 and 9999' },
  )
  .meta({ examples: ['2026-06-01T09:00:00.000Z'] });
