import type { JWK } from 'jose';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

type Db = PrismaClient | Prisma.TransactionClient;

export interface SigningKeyRecord {
  kid: string;
  algorithm: string;
  publicJwk: JWK;
  privateKey: string;
  activeFrom: Date;
  retiredAt: Date | null;
}

// Any constant all auth instances agree on: serialises "create the first key" and rotations.
const KEY_LOCK = 7_215_006_101;

export class SigningKeyRepository {
  constructor(private readonly db: Db) {}

  async lockKeys(): Promise<void> {
    await this.db.$executeRaw`SELECT pg_advisory_xact_lock(${KEY_LOCK})`;
  }

  /** Keys still verifying tokens: the active one and those retired after `retiredAfter`. */
  async findPublished(retiredAfter: Date): Promise<SigningKeyRecord[]> {
    const rows = await this.db.signingKey.findMany({
      where: { OR: [{ retiredAt: null }, { retiredAt: { gt: retiredAfter } }] },
      orderBy: { activeFrom: 'desc' },
    });
    return rows.map((row) => ({ ...row, publicJwk: row.publicJwk as JWK }));
  }

  async create(key: Omit<SigningKeyRecord, 'retiredAt'>): Promise<void> {
    await this.db.signingKey.create({
      data: { ...key, publicJwk: { ...key.publicJwk } },
    });
  }

  async retireAllBut(kid: string, at: Date): Promise<void> {
    await this.db.signingKey.updateMany({
      where: { kid: { not: kid }, retiredAt: null },
      data: { retiredAt: at },
    });
  }
}
