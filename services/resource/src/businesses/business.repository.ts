import type { BusinessSummary, Schedule } from '@slotwise/contracts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

type Db = PrismaClient | Prisma.TransactionClient;

/** A business as the read model holds it: the summary at the business's version, its hours. */
export interface BusinessRecord extends BusinessSummary {
  version: number;
  /** Null: none known (open around the clock). */
  schedule: Schedule | null;
}

/** The columns of a `BusinessRecord`, also selected by the repositories that join a business. */
export const businessColumns = {
  id: true,
  ownerId: true,
  name: true,
  status: true,
  isVerified: true,
  timezone: true,
  confirmationWindowMinutes: true,
  paymentMode: true,
  freeCancellationHours: true,
  lateRefundPercent: true,
  maintenancePolicy: true,
  schedule: true,
  version: true,
} as const;

type BusinessRow = Prisma.BusinessGetPayload<{ select: typeof businessColumns }>;

/**
 * The schedule column holds what `schedule` (contracts) parsed on its way in; the cancellation
 * policy is one column per field.
 */
export const toBusinessRecord = ({
  freeCancellationHours,
  lateRefundPercent,
  ...row
}: BusinessRow): BusinessRecord => ({
  ...row,
  cancellationPolicy: { freeCancellationHours, lateRefundPercent },
  schedule: row.schedule as Schedule | null,
});

/** The `businesses` read model. Rows are only ever inserted or updated, never deleted. */
export class BusinessRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string): Promise<BusinessRecord | null> {
    const row = await this.db.business.findUnique({ where: { id }, select: businessColumns });
    return row && toBusinessRecord(row);
  }

  /** The business service allows one business per owner; the newest row wins if that changes. */
  async findByOwner(ownerId: string): Promise<BusinessRecord | null> {
    const row = await this.db.business.findFirst({
      where: { ownerId },
      select: businessColumns,
      orderBy: { updatedAt: 'desc' },
    });
    return row && toBusinessRecord(row);
  }

  /** The version held for the owner's business, or null when there is none. */
  async versionOfOwner(ownerId: string): Promise<number | null> {
    const row = await this.db.business.findFirst({
      where: { ownerId },
      select: { version: true },
      orderBy: { updatedAt: 'desc' },
    });
    return row?.version ?? null;
  }

  /**
   * The business at `version`, from a `business.*` event or from the business service's answer
   * (both carry the business's own version): inserts the row, or updates it when `version` is
   * newer than what it holds, so whichever arrives first counts and nothing older undoes it.
   *
   * `schedule`, when the source carries one (`business.schedule_changed`, a lookup answer), has
   * its own watermark: it is applied when `version` is newer than the schedule held, even if a
   * later event without a schedule has moved the row on meanwhile (events arrive reordered).
   * Each part is one statement, monotonic on its own watermark, so two instances applying one
   * business cannot undo each other. True when it changed the row.
   */
  async apply(business: BusinessSummary, version: number, schedule?: Schedule): Promise<boolean> {
    const { id, ownerId, name, status, isVerified, timezone, confirmationWindowMinutes } = business;
    const { paymentMode, maintenancePolicy } = business;
    const { freeCancellationHours, lateRefundPercent } = business.cancellationPolicy;
    const summaryChanged = await this.db.$executeRaw`
      INSERT INTO businesses (id, owner_id, name, status, is_verified, timezone,
                              confirmation_window_minutes, payment_mode, free_cancellation_hours,
                              late_refund_percent, maintenance_policy, version, updated_at)
      VALUES (${id}::uuid, ${ownerId}::uuid, ${name}, ${status}::business_status, ${isVerified},
              ${timezone}, ${confirmationWindowMinutes}, ${paymentMode}::payment_mode,
              ${freeCancellationHours}, ${lateRefundPercent},
              ${maintenancePolicy}::maintenance_policy, ${version}, now())
      ON CONFLICT (id) DO UPDATE
        SET owner_id = EXCLUDED.owner_id, name = EXCLUDED.name, status = EXCLUDED.status,
            is_verified = EXCLUDED.is_verified, timezone = EXCLUDED.timezone,
            confirmation_window_minutes = EXCLUDED.confirmation_window_minutes,
            payment_mode = EXCLUDED.payment_mode,
            free_cancellation_hours = EXCLUDED.free_cancellation_hours,
            late_refund_percent = EXCLUDED.late_refund_percent,
            maintenance_policy = EXCLUDED.maintenance_policy,
            version = EXCLUDED.version, updated_at = now()
        WHERE businesses.version < EXCLUDED.version`;
    if (schedule === undefined) return summaryChanged === 1;
    const scheduleChanged = await this.db.$executeRaw`
      UPDATE businesses
         SET schedule = ${JSON.stringify(schedule)}::jsonb, schedule_version = ${version},
             updated_at = now()
       WHERE id = ${id}::uuid AND schedule_version < ${version}`;
    return summaryChanged === 1 || scheduleChanged === 1;
  }
}
