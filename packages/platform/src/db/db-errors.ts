/**
 * Prisma 7 over the pg adapter reports constraint violations with its own codes; the driver's
 * cause names the index or constraint. Repositories turn them into these errors, so services can
 * answer with a domain code without knowing Prisma.
 */
export class UniqueViolation extends Error {
  constructor(readonly constraint: string) {
    super(`unique violation on ${constraint}`);
  }
}

export class ForeignKeyViolation extends Error {
  constructor(readonly constraint: string) {
    super(`foreign key violation on ${constraint}`);
  }
}

interface PrismaLikeError {
  code?: string;
  meta?: {
    target?: unknown;
    field_name?: unknown;
    constraint?: unknown;
    driverAdapterError?: {
      cause?: {
        originalCode?: string;
        constraint?: { fields?: string[]; index?: string } | string;
      };
    };
  };
}

function constraintName(error: PrismaLikeError): string {
  const cause = error.meta?.driverAdapterError?.cause?.constraint;
  if (typeof cause === 'string') return cause;
  if (cause?.index) return cause.index;
  if (cause?.fields) return cause.fields.join(',');
  const target = error.meta?.target ?? error.meta?.field_name ?? error.meta?.constraint;
  if (Array.isArray(target)) return target.map(String).join(',');
  return typeof target === 'string' ? target : 'unknown';
}

/** Rethrows a unique (P2002) or foreign-key (P2003) violation as ours; anything else as it is. */
export function translateViolation(error: unknown): never {
  const e = error as PrismaLikeError;
  const original = e.meta?.driverAdapterError?.cause?.originalCode;
  if (e.code === 'P2002' || original === '23505') throw new UniqueViolation(constraintName(e));
  if (e.code === 'P2003' || original === '23503') throw new ForeignKeyViolation(constraintName(e));
  throw error;
}

/** Prisma's "the record to update was not found". */
export const isRecordNotFound = (error: unknown): boolean =>
  (error as PrismaLikeError).code === 'P2025';

/** Text a user typed, for a LIKE/ILIKE pattern: its `%`, `_` and `\` match themselves. */
export function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`);
}
