import type { OtpPurpose } from '@slotwise/contracts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

type Db = PrismaClient | Prisma.TransactionClient;

export interface OtpRecord {
  id: string;
  userId: string;
  purpose: OtpPurpose;
  codeHash: string;
  expiresAt: Date;
  attempts: number;
}

const select = {
  id: true,
  userId: true,
  purpose: true,
  codeHash: true,
  expiresAt: true,
  attempts: true,
} as const;

export class OtpRepository {
  constructor(private readonly db: Db) {}

  async create(otp: Omit<OtpRecord, 'attempts'>): Promise<void> {
    await this.db.otpToken.create({ data: otp });
  }

  /** A new code replaces the older ones of its purpose. */
  async retireActive(userId: string, purpose: OtpPurpose, now: Date): Promise<void> {
    await this.db.otpToken.updateMany({
      where: { userId, purpose, consumedAt: null },
      data: { consumedAt: now },
    });
  }

  async countIssuedSince(userId: string, since: Date): Promise<number> {
    return this.db.otpToken.count({ where: { userId, createdAt: { gt: since } } });
  }

  async findActive(userId: string, purpose: OtpPurpose, now: Date): Promise<OtpRecord | null> {
    return this.db.otpToken.findFirst({
      where: { userId, purpose, consumedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: 'desc' },
      select,
    });
  }

  /**
   * Counts one try against the code, atomically: false when the code is used up, expired or out
   * of tries. Concurrent guesses cannot exceed the limit, since each must win this update.
   */
  async claimAttempt(id: string, maxAttempts: number, now: Date): Promise<boolean> {
    const { count } = await this.db.otpToken.updateMany({
      where: { id, consumedAt: null, expiresAt: { gt: now }, attempts: { lt: maxAttempts } },
      data: { attempts: { increment: 1 } },
    });
    return count === 1;
  }

  /** Marks the code used; false when another request used it first. */
  async consume(id: string, now: Date): Promise<boolean> {
    const { count } = await this.db.otpToken.updateMany({
      where: { id, consumedAt: null },
      data: { consumedAt: now },
    });
    return count === 1;
  }

  /**
   * Deletes expired or used codes issued before `issuedBefore`. Younger ones stay however dead,
   * because the hourly limit on new codes counts them.
   */
  async deleteDead(now: Date, issuedBefore: Date): Promise<number> {
    const { count } = await this.db.otpToken.deleteMany({
      where: {
        createdAt: { lt: issuedBefore },
        OR: [{ expiresAt: { lt: now } }, { consumedAt: { not: null } }],
      },
    });
    return count;
  }
}
