import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

type Db = PrismaClient | Prisma.TransactionClient;

export interface ThrottleRecord {
  key: string;
  failures: number;
  windowStartedAt: Date;
  lockouts: number;
  lockedUntil: Date | null;
}

const select = {
  key: true,
  failures: true,
  windowStartedAt: true,
  lockouts: true,
  lockedUntil: true,
} as const;

export class LoginThrottleRepository {
  constructor(private readonly db: Db) {}

  async find(key: string): Promise<ThrottleRecord | null> {
    return this.db.loginThrottle.findUnique({ where: { key }, select });
  }

  /** The row, locked for the transaction (created when missing), so failures count exactly. */
  async lock(key: string, now: Date): Promise<ThrottleRecord> {
    await this.db.$executeRaw`
      INSERT INTO login_throttles (key, failures, window_started_at, lockouts, updated_at)
      VALUES (${key}, 0, ${now}, 0, ${now}) ON CONFLICT (key) DO NOTHING`;
    const rows = await this.db.$queryRaw<
      {
        key: string;
        failures: number;
        window_started_at: Date;
        lockouts: number;
        locked_until: Date | null;
      }[]
    >`SELECT key, failures, window_started_at, lockouts, locked_until
        FROM login_throttles WHERE key = ${key} FOR UPDATE`;
    const row = rows[0]!;
    return {
      key: row.key,
      failures: row.failures,
      windowStartedAt: row.window_started_at,
      lockouts: row.lockouts,
      lockedUntil: row.locked_until,
    };
  }

  async save(record: ThrottleRecord): Promise<void> {
    const { key, ...data } = record;
    await this.db.loginThrottle.update({ where: { key }, data });
  }

  async clear(key: string): Promise<void> {
    await this.db.loginThrottle.deleteMany({ where: { key } });
  }

  /** Rows with no lockout in force and no recent failure. */
  async deleteStale(before: Date, now: Date): Promise<number> {
    const { count } = await this.db.loginThrottle.deleteMany({
      where: {
        updatedAt: { lt: before },
        OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      },
    });
    return count;
  }
}
