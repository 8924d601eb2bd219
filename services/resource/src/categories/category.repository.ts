import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { translateViolation } from '@slotwise/platform/db';
import {
  businessColumns,
  toBusinessRecord,
  type BusinessRecord,
} from '../businesses/business.repository.js';
import type { CategoryChanges, CategoryRecord } from './category.types.js';

type Db = PrismaClient | Prisma.TransactionClient;

const columns = {
  id: true,
  businessId: true,
  name: true,
  description: true,
  createdAt: true,
  updatedAt: true,
} as const;

export class CategoryRepository {
  constructor(private readonly db: Db) {}

  /** A name taken in the business (any case) is a UniqueViolation. */
  async create(category: Omit<CategoryRecord, 'createdAt' | 'updatedAt'>): Promise<CategoryRecord> {
    try {
      return await this.db.resourceCategory.create({ data: category, select: columns });
    } catch (error) {
      return translateViolation(error);
    }
  }

  async findWithBusiness(
    id: string,
  ): Promise<(CategoryRecord & { business: BusinessRecord }) | null> {
    const row = await this.db.resourceCategory.findUnique({
      where: { id },
      select: { ...columns, business: { select: businessColumns } },
    });
    return row && { ...row, business: toBusinessRecord(row.business) };
  }

  async exists(id: string): Promise<boolean> {
    return (await this.db.resourceCategory.count({ where: { id } })) > 0;
  }

  async listOfBusiness(
    businessId: string,
    page: { skip: number; take: number },
  ): Promise<{ items: CategoryRecord[]; total: number }> {
    const where = { businessId };
    const [items, total] = await Promise.all([
      this.db.resourceCategory.findMany({
        where,
        select: columns,
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        ...page,
      }),
      this.db.resourceCategory.count({ where }),
    ]);
    return { items, total };
  }

  /** Which of `ids` are categories of the business. */
  async idsOfBusiness(businessId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.resourceCategory.findMany({
      where: { businessId, id: { in: ids } },
      select: { id: true },
    });
    return new Set(rows.map((row) => row.id));
  }

  async update(id: string, changes: CategoryChanges): Promise<CategoryRecord> {
    try {
      return await this.db.resourceCategory.update({
        where: { id },
        data: changes,
        select: columns,
      });
    } catch (error) {
      return translateViolation(error);
    }
  }

  /** A resource still pointing at it (even one created a moment ago) is a ForeignKeyViolation. */
  async delete(id: string): Promise<void> {
    try {
      await this.db.resourceCategory.delete({ where: { id }, select: { id: true } });
    } catch (error) {
      translateViolation(error);
    }
  }
}
