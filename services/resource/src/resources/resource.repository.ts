import type { Schedule } from '@slotwise/contracts';
import { isRecordNotFound, translateViolation } from '@slotwise/platform/db';
import { businessColumns, toBusinessRecord } from '../businesses/business.repository.js';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import type {
  Metadata,
  NewResource,
  ResourceChanges,
  ResourceRecord,
  ResourceWithBusiness,
  StoredBookingRules,
} from './resource.types.js';

type Db = PrismaClient | Prisma.TransactionClient;

const columns = {
  id: true,
  businessId: true,
  name: true,
  type: true,
  categoryId: true,
  description: true,
  price: true,
  currency: true,
  priceUnit: true,
  metadata: true,
  bookingRules: true,
  status: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;

const withBusiness = {
  ...columns,
  schedule: true,
  business: { select: businessColumns },
} as const;

type Row = Prisma.ResourceGetPayload<{ select: typeof columns }>;
type RowWithBusiness = Prisma.ResourceGetPayload<{ select: typeof withBusiness }>;

/**
 * Decimal → its exact two-decimal string: money never passes through a float. The JSON columns
 * hold what the route's schemas parsed on the way in.
 */
export function toResourceRecord(row: Row): ResourceRecord {
  return {
    ...row,
    price: row.price.toFixed(2),
    metadata: row.metadata as Metadata,
    bookingRules: row.bookingRules as StoredBookingRules,
  };
}

const toResourceWithBusiness = ({
  schedule,
  business,
  ...row
}: RowWithBusiness): ResourceWithBusiness => ({
  ...toResourceRecord(row),
  schedule: schedule as Schedule | null,
  business: toBusinessRecord(business),
});

const jsonOf = (value: object): Prisma.InputJsonObject => value;

export class ResourceRepository {
  constructor(private readonly db: Db) {}

  /** One INSERT for all of them; a category that vanished meanwhile is a ForeignKeyViolation. */
  async createMany(resources: NewResource[]): Promise<ResourceRecord[]> {
    try {
      const rows = await this.db.resource.createManyAndReturn({
        data: resources.map((resource) => ({
          ...resource,
          metadata: jsonOf(resource.metadata),
          bookingRules: jsonOf(resource.bookingRules),
        })),
        select: columns,
      });
      const byId = new Map(rows.map((row) => [row.id, toResourceRecord(row)]));
      return resources.map((resource) => byId.get(resource.id)!);
    } catch (error) {
      return translateViolation(error);
    }
  }

  async findById(id: string): Promise<ResourceRecord | null> {
    const row = await this.db.resource.findUnique({ where: { id }, select: columns });
    return row ? toResourceRecord(row) : null;
  }

  async findWithBusiness(id: string): Promise<ResourceWithBusiness | null> {
    const row = await this.db.resource.findUnique({ where: { id }, select: withBusiness });
    return row && toResourceWithBusiness(row);
  }

  /** A category's ACTIVE resources, the first created first (then by id: a stable order). */
  async listActiveInCategory(categoryId: string): Promise<ResourceWithBusiness[]> {
    const rows = await this.db.resource.findMany({
      where: { categoryId, status: 'ACTIVE' },
      select: withBusiness,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toResourceWithBusiness);
  }

  /**
   * Applies the changes to a resource that is not DELETED and bumps its version, in one statement
   * (so a concurrent delete wins cleanly); null when there is no such resource. A `schedule` of
   * null removes its own schedule.
   */
  async update(
    id: string,
    changes: ResourceChanges & { status?: ResourceRecord['status']; schedule?: Schedule | null },
  ): Promise<ResourceRecord | null> {
    const { metadata, bookingRules, schedule, ...rest } = changes;
    try {
      const row = await this.db.resource.update({
        where: { id, status: { not: 'DELETED' } },
        data: {
          ...rest,
          ...(metadata === undefined ? {} : { metadata: jsonOf(metadata) }),
          ...(bookingRules === undefined ? {} : { bookingRules: jsonOf(bookingRules) }),
          ...(schedule === undefined
            ? {}
            : { schedule: schedule === null ? Prisma.DbNull : jsonOf(schedule) }),
          version: { increment: 1 },
        },
        select: columns,
      });
      return toResourceRecord(row);
    } catch (error) {
      if (isRecordNotFound(error)) return null;
      return translateViolation(error);
    }
  }

  /** Resources that are not DELETED and name the category. */
  async countInCategory(categoryId: string): Promise<number> {
    return this.db.resource.count({ where: { categoryId, status: { not: 'DELETED' } } });
  }

  /**
   * Deleted resources keep their category until the category itself goes; then they let go of it
   * (no event: a deleted resource is nobody's business any more).
   */
  async detachDeletedFromCategory(categoryId: string): Promise<void> {
    await this.db.resource.updateMany({
      where: { categoryId, status: 'DELETED' },
      data: { categoryId: null },
    });
  }
}
