import type { BusinessSummary } from '@slotwise/contracts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

type Db = PrismaClient | Prisma.TransactionClient;

/** A business as the read model holds it: the summary at the business's version. */
export interface BusinessRecord extends BusinessSummary {
  version: number;
}

const columns = {
  id: true,
  ownerId: true,
  name: true,
  status: true,
  isVerified: true,
  timezone: true,
  version: true,
} as const;

/** The `businesses` read model. Rows are only ever inserted or updated, never deleted. */
export class BusinessRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string): Promise<BusinessRecord | null> {
    return this.db.business.findUnique({ where: { id }, select: columns });
  }

  /** The business service allows one business per owner; the newest row wins if that changes. */
  async findByOwner(ownerId: string): Promise<BusinessRecord | null> {
    return this.db.business.findFirst({
      where: { ownerId },
      select: columns,
      orderBy: { updatedAt: 'desc' },
    });
  }

  /** The version held for the owner's business, or null when there is none. */
  async versionOfOwner(ownerId: string): Promise<number | null> {
    return (await this.findByOwner(ownerId))?.version ?? null;
  }

  /**
   * The business at `version`, from a `business.*` event or from the business service's answer
   * (both carry the business's own version): inserts the row, or updates it when `version` is
   * newer than what it holds, so whichever arrives first counts and nothing older undoes it. One
   * statement, so two instances applying one business cannot interleave. True when it changed
   * the row.
   */
  async apply(business: BusinessSummary, version: number): Promise<boolean> {
    const { id, ownerId, name, status, isVerified, timezone } = business;
    const changed = await this.db.$executeRaw`
      INSERT INTO businesses (id, owner_id, name, status, is_verified, timezone, version, updated_at)
      VALUES (${id}::uuid, ${ownerId}::uuid, ${name}, ${status}::business_status, ${isVerified},
              ${timezone}, ${version}, now())
      ON CONFLICT (id) DO UPDATE
        SET owner_id = EXCLUDED.owner_id, name = EXCLUDED.name, status = EXCLUDED.status,
            is_verified = EXCLUDED.is_verified, timezone = EXCLUDED.timezone,
            version = EXCLUDED.version, updated_at = now()
        WHERE businesses.version < EXCLUDED.version`;
    return changed === 1;
  }
}
