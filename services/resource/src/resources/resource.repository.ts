import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { isRecordNotFound, translateViolation } from '@slotwise/platform/db';
import type {
  Metadata,
  NewResource,
  ResourceChanges,
  ResourceRecord,
  ResourceWithBusiness,
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
  status: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;

const businessColumns = {
  id: true,
  ownerId: true,
  name: true,
  status: true,
  isVerified: true,
  timezone: true,
  version: true,
} as const;

type Row = Prisma.ResourceGetPayload<{ select: typeof columns }>;

/** Decimal → its exact two-decimal string: money never passes through a float. */
export function toResourceRecord(row: Row): ResourceRecord {
  return { ...row, price: row.price.toFixed(2), metadata: row.metadata as Metadata };
}

const jsonOf = (metadata: Metadata): Prisma.InputJsonObject => metadata as Prisma.InputJsonObject;

export class ResourceRepository {
  constructor(private readonly db: Db) {}

  /** One INSERT for all of them; a category that vanished meanwhile is a ForeignKeyViolation. */
  async createMany(resources: NewResource[]): Promise<ResourceRecord[]> {
    try {
      const rows = await this.db.resource.createManyAndReturn({
        data: resources.map((resource) => ({ ...resource, metadata: jsonOf(resource.metadata) })),
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
    const row = await this.db.resource.findUnique({
      where: { id },
      select: { ...columns, business: { select: businessColumns } },
    });
    return row ? { ...toResourceRecord(row), business: row.business } : null;
  }

  /**
   * Applies the changes to a resource that is not DELETED and bumps its version, in one statement
   * (so a concurrent delete wins cleanly); null when there is no such resource.
   */
  async update(
    id: string,
    changes: ResourceChanges & { status?: ResourceRecord['status'] },
  ): Promise<ResourceRecord | null> {
    const { metadata, ...rest } = changes;
    try {
      const row = await this.db.resource.update({
        where: { id, status: { not: 'DELETED' } },
        data: {
          ...rest,
          ...(metadata === undefined ? {} : { metadata: jsonOf(metadata) }),
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
