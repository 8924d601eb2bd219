import type { CancellationPolicy, Schedule } from '@slotwise/contracts';
import { likeLiteral, translateViolation } from '@slotwise/platform/db';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import type {
  BusinessChanges,
  BusinessFilter,
  BusinessRecord,
  BusinessSort,
  NewBusiness,
  ScheduledBusiness,
} from './business.types.js';

type Db = PrismaClient | Prisma.TransactionClient;

/** Every read but the schedule's leaves the (possibly large) opening hours in the row. */
const omit = { schedule: true } as const;

type Row = Prisma.BusinessGetPayload<{ omit: typeof omit }>;
type ScheduledRow = Prisma.BusinessGetPayload<object>;

/** The cancellation policy is one column per field; the services see it as one object. */
const toRecord = ({ freeCancellationHours, lateRefundPercent, ...row }: Row): BusinessRecord => ({
  ...row,
  cancellationPolicy: { freeCancellationHours, lateRefundPercent },
});

/** Changes as columns: the policy, when given, is written whole. */
const toColumns = <T extends BusinessChanges>({
  cancellationPolicy,
  ...changes
}: T): Omit<T, 'cancellationPolicy'> & Partial<CancellationPolicy> => ({
  ...changes,
  ...cancellationPolicy,
});

/**
 * The column is written only from a validated `Schedule` (setSchedule's parameter), so it is read
 * back as one without parsing it again on every internal call.
 */
const withSchedule = ({ schedule, ...row }: ScheduledRow): ScheduledBusiness => ({
  ...toRecord(row),
  schedule: schedule === null ? null : (schedule as unknown as Schedule),
});

const ORDER: Record<BusinessSort, Prisma.BusinessOrderByWithRelationInput[]> = {
  createdAt: [{ createdAt: 'asc' }, { id: 'asc' }],
  '-createdAt': [{ createdAt: 'desc' }, { id: 'desc' }],
  name: [{ name: 'asc' }, { id: 'asc' }],
  '-name': [{ name: 'desc' }, { id: 'desc' }],
};

export class BusinessRepository {
  constructor(private readonly db: Db) {}

  async create(business: NewBusiness): Promise<BusinessRecord> {
    try {
      return toRecord(await this.db.business.create({ data: toColumns(business), omit }));
    } catch (error) {
      return translateViolation(error);
    }
  }

  async findById(id: string): Promise<BusinessRecord | null> {
    const row = await this.db.business.findUnique({ where: { id }, omit });
    return row && toRecord(row);
  }

  async findByOwner(ownerId: string): Promise<BusinessRecord | null> {
    const row = await this.db.business.findUnique({ where: { ownerId }, omit });
    return row && toRecord(row);
  }

  /** The business with its opening hours. */
  async findScheduled(
    where: { id: string } | { ownerId: string },
  ): Promise<ScheduledBusiness | null> {
    const row = await this.db.business.findUnique({ where });
    return row && withSchedule(row);
  }

  /**
   * Reads the business and holds its row lock until the transaction ends, so two concurrent
   * changes are decided one after the other, each on the state the other left.
   */
  async findByIdForUpdate(id: string): Promise<BusinessRecord | null> {
    const locked = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM businesses WHERE id = ${id}::uuid FOR UPDATE`;
    return locked.length === 0 ? null : this.findById(id);
  }

  /** Applies the changes and, when the change is one others hear about, bumps the version. */
  async update(id: string, changes: BusinessChanges, bumpVersion = true): Promise<BusinessRecord> {
    const row = await this.db.business.update({
      where: { id },
      data: { ...toColumns(changes), ...(bumpVersion ? { version: { increment: 1 } } : {}) },
      omit,
    });
    return toRecord(row);
  }

  /** Replaces the opening hours (null: open around the clock) and bumps the version. */
  async setSchedule(id: string, schedule: Schedule | null): Promise<ScheduledBusiness> {
    const row = await this.db.business.update({
      where: { id },
      data: {
        schedule: schedule === null ? Prisma.DbNull : (schedule as Prisma.InputJsonObject),
        version: { increment: 1 },
      },
    });
    return withSchedule(row);
  }

  async list(
    filter: BusinessFilter,
    sort: BusinessSort,
    page: { skip: number; take: number },
  ): Promise<{ items: BusinessRecord[]; total: number }> {
    const search = filter.search?.trim();
    const city = filter.city?.trim();
    // `contains` + insensitive is `name ILIKE '%…%'`, which the trigram index on name serves.
    // The city is looked for anywhere in the address: addresses are free text, with no city field.
    const where: Prisma.BusinessWhereInput = {
      ...(filter.type ? { type: filter.type } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(search ? { name: { contains: likeLiteral(search), mode: 'insensitive' } } : {}),
      ...(city ? { address: { contains: likeLiteral(city), mode: 'insensitive' } } : {}),
    };
    const [items, total] = await Promise.all([
      this.db.business.findMany({ where, orderBy: ORDER[sort], omit, ...page }),
      this.db.business.count({ where }),
    ]);
    return { items: items.map(toRecord), total };
  }
}
