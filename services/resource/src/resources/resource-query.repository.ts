import { likeLiteral } from '@slotwise/platform/db';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import type {
  ListScope,
  Metadata,
  PriceRange,
  ResourceFilter,
  ResourceRecord,
  ResourceSort,
  StoredBookingRules,
} from './resource.types.js';

type Db = PrismaClient | Prisma.TransactionClient;
const sql = Prisma.sql;

/** Fixed SQL per sort, always ending in the id so pages never overlap or skip a row. */
const ORDER_BY: Record<ResourceSort, Prisma.Sql> = {
  createdAt: sql`r.created_at ASC, r.id ASC`,
  '-createdAt': sql`r.created_at DESC, r.id DESC`,
  price: sql`r.price ASC, r.id ASC`,
  '-price': sql`r.price DESC, r.id DESC`,
  name: sql`r.name ASC, r.id ASC`,
  '-name': sql`r.name DESC, r.id DESC`,
};

const PUBLIC = sql`(r.status = 'ACTIVE' AND b.status = 'ACTIVE' AND b.is_verified)`;

/** `%`, `_` and `\` typed by a user are literals, not patterns. */
const likePattern = (term: string): string => `%${likeLiteral(term)}%`;

function conditions(scope: ListScope, filter: ResourceFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    filter.status ? sql`r.status = ${filter.status}::resource_status` : sql`r.status <> 'DELETED'`,
  ];
  if (scope.kind === 'public') {
    parts.push(scope.ownerId ? sql`(b.owner_id = ${scope.ownerId}::uuid OR ${PUBLIC})` : PUBLIC);
  }
  if (filter.businessId) parts.push(sql`r.business_id = ${filter.businessId}::uuid`);
  if (filter.type) parts.push(sql`r.type = ${filter.type}::resource_type`);
  if (filter.categoryId) parts.push(sql`r.category_id = ${filter.categoryId}::uuid`);
  if (filter.minPrice) parts.push(sql`r.price >= ${filter.minPrice}::numeric`);
  if (filter.maxPrice) parts.push(sql`r.price <= ${filter.maxPrice}::numeric`);
  if (filter.search) parts.push(sql`r.name ILIKE ${likePattern(filter.search)}`);
  return Prisma.join(parts, ' AND ');
}

function listQueries(
  scope: ListScope,
  filter: ResourceFilter,
  sort: ResourceSort,
  page: { skip: number; take: number },
): { rows: Prisma.Sql; count: Prisma.Sql } {
  const from = sql`FROM resources r JOIN businesses b ON b.id = r.business_id
    WHERE ${conditions(scope, filter)}`;
  return {
    rows: sql`
      SELECT r.id, r.business_id AS "businessId", r.name, r.type::text AS type,
             r.category_id AS "categoryId", r.description, r.price::text AS price, r.currency,
             r.price_unit::text AS "priceUnit", r.metadata, r.booking_rules AS "bookingRules",
             r.status::text AS status, r.version,
             r.created_at AS "createdAt", r.updated_at AS "updatedAt"
      ${from}
      ORDER BY ${ORDER_BY[sort]}
      LIMIT ${page.take} OFFSET ${page.skip}`,
    count: sql`SELECT count(*) AS total ${from}`,
  };
}

interface ListRow extends Omit<ResourceRecord, 'metadata' | 'bookingRules'> {
  metadata: unknown;
  bookingRules: unknown;
}

interface StatsRow {
  dimension: 'total' | 'status' | 'type' | 'category' | 'currency';
  key: string | null;
  label: string | null;
  count: bigint | number;
  min: string | null;
  max: string | null;
  avg: string | null;
}

/**
 * The listing and the statistics: SQL written out, because the visibility rule is a join with the
 * businesses read model and the plan matters (see the indexes in the migration).
 */
export class ResourceQueryRepository {
  constructor(private readonly db: Db) {}

  async list(
    scope: ListScope,
    filter: ResourceFilter,
    sort: ResourceSort,
    page: { skip: number; take: number },
  ): Promise<{ items: ResourceRecord[]; total: number }> {
    const { rows: rowsSql, count } = listQueries(scope, filter, sort, page);
    const [rows, counted] = await Promise.all([
      this.db.$queryRaw<ListRow[]>(rowsSql),
      this.db.$queryRaw<{ total: bigint | number }[]>(count),
    ]);
    return {
      items: rows.map((row) => ({
        ...row,
        metadata: row.metadata as Metadata,
        bookingRules: row.bookingRules as StoredBookingRules,
      })),
      total: Number(counted[0]?.total ?? 0),
    };
  }

  /** The plan of `list`'s page query, so a test can hold the indexes to their purpose. */
  async explainList(
    scope: ListScope,
    filter: ResourceFilter,
    sort: ResourceSort,
    page: { skip: number; take: number },
  ): Promise<string> {
    const { rows } = listQueries(scope, filter, sort, page);
    const plan = await this.db.$queryRaw<{ 'QUERY PLAN': string }[]>(
      sql`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${rows}`,
    );
    return plan.map((line) => line['QUERY PLAN']).join('\n');
  }

  /**
   * Every figure of GET /stats in one pass over the business's rows (or all rows, for an ADMIN
   * without a business): one grouping set per dimension. DELETED resources are not counted.
   */
  async stats(businessId: string | undefined): Promise<{
    total: number;
    byStatus: Record<string, number>;
    byType: Record<string, number>;
    byCategory: { categoryId: string | null; name: string | null; count: number }[];
    priceByCurrency: Record<string, PriceRange>;
  }> {
    const scope = businessId ? sql`AND r.business_id = ${businessId}::uuid` : sql``;
    const rows = await this.db.$queryRaw<StatsRow[]>`
      SELECT CASE
               WHEN GROUPING(r.status) = 0 THEN 'status'
               WHEN GROUPING(r.type) = 0 THEN 'type'
               WHEN GROUPING(r.category_id) = 0 THEN 'category'
               WHEN GROUPING(r.currency) = 0 THEN 'currency'
               ELSE 'total'
             END AS dimension,
             COALESCE(r.status::text, r.type::text, r.category_id::text, r.currency) AS key,
             min(c.name) AS label,
             count(*) AS count,
             min(r.price)::text AS min, max(r.price)::text AS max,
             round(avg(r.price), 2)::text AS avg
        FROM resources r LEFT JOIN resource_categories c ON c.id = r.category_id
       WHERE r.status <> 'DELETED' ${scope}
       GROUP BY GROUPING SETS ((r.status), (r.type), (r.category_id), (r.currency), ())`;
    const result = {
      total: 0,
      byStatus: {} as Record<string, number>,
      byType: {} as Record<string, number>,
      byCategory: [] as { categoryId: string | null; name: string | null; count: number }[],
      priceByCurrency: {} as Record<string, PriceRange>,
    };
    for (const row of rows) {
      const count = Number(row.count);
      switch (row.dimension) {
        case 'total':
          result.total = count;
          break;
        case 'status':
          result.byStatus[row.key!] = count;
          break;
        case 'type':
          result.byType[row.key!] = count;
          break;
        case 'category':
          result.byCategory.push({ categoryId: row.key, name: row.label, count });
          break;
        case 'currency':
          result.priceByCurrency[row.key!.trim()] = { min: row.min!, max: row.max!, avg: row.avg! };
          break;
      }
    }
    return result;
  }
}
