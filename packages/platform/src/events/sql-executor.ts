/**
 * The two kinds of database handle the events code accepts, typed by shape so the platform never
 * imports a service's generated Prisma client.
 */

/** A Prisma client or interactive-transaction client (`prisma.$transaction(async (tx) => ...)`). */
export interface RawSqlExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** A `pg` Client, PoolClient or Pool. */
export interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rowCount: number | null }>;
}

export type SqlExecutor = RawSqlExecutor | PgQueryable;

function isRawSqlExecutor(db: SqlExecutor): db is RawSqlExecutor {
  return typeof (db as Partial<RawSqlExecutor>).$executeRawUnsafe === 'function';
}

/** Runs one statement on either kind of handle and returns the number of rows it touched. */
export async function executeSql(
  db: SqlExecutor,
  text: string,
  values: readonly unknown[],
): Promise<number> {
  if (isRawSqlExecutor(db)) return db.$executeRawUnsafe(text, ...values);
  const result = await db.query(text, [...values]);
  return result.rowCount ?? 0;
}
