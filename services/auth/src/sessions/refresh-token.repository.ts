import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

type Db = PrismaClient | Prisma.TransactionClient;

export interface RefreshTokenRecord {
  id: string;
  userId: string;
  familyId: string;
  replacedById: string | null;
  rotatedAt: Date | null;
  graceBlob: string | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

interface Row {
  id: string;
  user_id: string;
  family_id: string;
  replaced_by_id: string | null;
  rotated_at: Date | null;
  grace_blob: string | null;
  revoked_at: Date | null;
  expires_at: Date;
}

export class RefreshTokenRepository {
  constructor(private readonly db: Db) {}

  async create(token: {
    id: string;
    userId: string;
    tokenHash: string;
    familyId: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.db.refreshToken.create({ data: token });
  }

  /**
   * The token's row, locked until the transaction ends: two refreshes with one token are
   * serialised here, so the second sees the first one's rotation.
   */
  async findByHashForUpdate(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const rows = await this.db.$queryRaw<Row[]>`
      SELECT id, user_id, family_id, replaced_by_id, rotated_at, grace_blob, revoked_at, expires_at
        FROM refresh_tokens WHERE token_hash = ${tokenHash} FOR UPDATE`;
    const row = rows[0];
    return row
      ? {
          id: row.id,
          userId: row.user_id,
          familyId: row.family_id,
          replacedById: row.replaced_by_id,
          rotatedAt: row.rotated_at,
          graceBlob: row.grace_blob,
          revokedAt: row.revoked_at,
          expiresAt: row.expires_at,
        }
      : null;
  }

  async markRotated(
    id: string,
    replacedById: string,
    at: Date,
    graceBlob: string | null,
  ): Promise<void> {
    await this.db.refreshToken.update({
      where: { id },
      data: { replacedById, rotatedAt: at, graceBlob },
    });
  }

  async revokeFamily(familyId: string, at: Date): Promise<number> {
    const { count } = await this.db.refreshToken.updateMany({
      where: { familyId, revokedAt: null },
      data: { revokedAt: at, graceBlob: null },
    });
    return count;
  }

  /** Every live token of the user, but those of `keepFamilyId` (the caller's own session). */
  async revokeAllOfUser(userId: string, at: Date, keepFamilyId?: string): Promise<number> {
    const { count } = await this.db.refreshToken.updateMany({
      where: {
        userId,
        revokedAt: null,
        ...(keepFamilyId ? { familyId: { not: keepFamilyId } } : {}),
      },
      data: { revokedAt: at, graceBlob: null },
    });
    return count;
  }

  /** Sessions (token families) revoked at or after `since`, each with its latest revocation. */
  async findSessionsRevokedSince(
    since: Date,
  ): Promise<{ sessionId: string; userId: string; revokedAt: Date }[]> {
    const rows = await this.db.refreshToken.groupBy({
      by: ['familyId', 'userId'],
      where: { revokedAt: { gte: since } },
      _max: { revokedAt: true },
      orderBy: { _max: { revokedAt: 'asc' } },
      take: 10_000,
    });
    return rows.map((row) => ({
      sessionId: row.familyId,
      userId: row.userId,
      revokedAt: row._max.revokedAt!,
    }));
  }

  async familyOf(tokenHash: string): Promise<string | null> {
    const row = await this.db.refreshToken.findUnique({
      where: { tokenHash },
      select: { familyId: true },
    });
    return row?.familyId ?? null;
  }

  async deleteExpired(now: Date): Promise<number> {
    const { count } = await this.db.refreshToken.deleteMany({ where: { expiresAt: { lt: now } } });
    return count;
  }

  async clearGraceBlobs(rotatedBefore: Date): Promise<number> {
    const { count } = await this.db.refreshToken.updateMany({
      where: { graceBlob: { not: null }, rotatedAt: { lt: rotatedBefore } },
      data: { graceBlob: null },
    });
    return count;
  }
}
