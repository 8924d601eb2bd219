import { translateViolation } from '@slotwise/platform/db';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { UserChanges, UserFilter, UserRecord } from './user.types.js';

type Db = PrismaClient | Prisma.TransactionClient;

export class UserRepository {
  constructor(private readonly db: Db) {}

  async create(user: Omit<UserRecord, 'createdAt' | 'updatedAt' | 'version'>): Promise<UserRecord> {
    try {
      return await this.db.user.create({ data: user });
    } catch (error) {
      return translateViolation(error);
    }
  }

  async findById(id: string): Promise<UserRecord | null> {
    return this.db.user.findUnique({ where: { id } });
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    return this.db.user.findUnique({ where: { email } });
  }

  /** Email or username, case-insensitively (both columns are citext). */
  async findByIdentifier(identifier: string): Promise<UserRecord | null> {
    const where = identifier.includes('@') ? { email: identifier } : { username: identifier };
    return this.db.user.findUnique({ where });
  }

  /** Applies the changes and, when the change is one others hear about, bumps the version. */
  async update(id: string, changes: UserChanges, bumpVersion = true): Promise<UserRecord> {
    return this.db.user.update({
      where: { id },
      data: { ...changes, ...(bumpVersion ? { version: { increment: 1 } } : {}) },
    });
  }

  async list(
    filter: UserFilter,
    page: { skip: number; take: number },
  ): Promise<{ items: UserRecord[]; total: number }> {
    const search = filter.search?.trim();
    const where: Prisma.UserWhereInput = {
      ...(filter.role ? { role: filter.role } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(search
        ? {
            OR: [
              { email: { contains: search, mode: 'insensitive' } },
              { username: { contains: search, mode: 'insensitive' } },
              { firstName: { contains: search, mode: 'insensitive' } },
              { lastName: { contains: search, mode: 'insensitive' } },
            ],
          }
        : {}),
    };
    const [items, total] = await Promise.all([
      this.db.user.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], ...page }),
      this.db.user.count({ where }),
    ]);
    return { items, total };
  }

  /** Users whose tokens were revoked at or after `since` (the verifiers' revocation feed). */
  async findTokensRevokedSince(since: Date): Promise<{ userId: string; validAfter: Date }[]> {
    const rows = await this.db.user.findMany({
      where: { tokensValidAfter: { gte: since } },
      select: { id: true, tokensValidAfter: true },
      orderBy: { tokensValidAfter: 'asc' },
      take: 10_000,
    });
    return rows.map((row) => ({ userId: row.id, validAfter: row.tokensValidAfter! }));
  }
}
