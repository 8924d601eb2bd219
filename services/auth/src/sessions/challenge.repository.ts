import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

type Db = PrismaClient | Prisma.TransactionClient;

export class ChallengeRepository {
  constructor(private readonly db: Db) {}

  async create(challenge: { id: string; userId: string; expiresAt: Date }): Promise<void> {
    await this.db.twoFactorChallenge.create({ data: challenge });
  }

  async findOpen(id: string, now: Date): Promise<{ id: string; userId: string } | null> {
    return this.db.twoFactorChallenge.findFirst({
      where: { id, consumedAt: null, expiresAt: { gt: now } },
      select: { id: true, userId: true },
    });
  }

  async consume(id: string, now: Date): Promise<boolean> {
    const { count } = await this.db.twoFactorChallenge.updateMany({
      where: { id, consumedAt: null },
      data: { consumedAt: now },
    });
    return count === 1;
  }

  async deleteDead(now: Date): Promise<number> {
    const { count } = await this.db.twoFactorChallenge.deleteMany({
      where: { OR: [{ expiresAt: { lt: now } }, { consumedAt: { not: null } }] },
    });
    return count;
  }
}
