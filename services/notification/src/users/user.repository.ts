import type { UserRole, UserStatus } from '@slotwise/contracts';
import { handleOnce, type EventEnvelope, type InboxResult } from '@slotwise/platform/events';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

export interface UserRecord {
  id: string;
  email: string;
  username: string;
  firstName: string | null;
  lastName: string | null;
  role: UserRole;
  status: UserStatus;
  /** The aggregate version of the last event applied to this row. */
  version: number;
}

export type UserFields = Omit<UserRecord, 'id' | 'version'>;

/** The read model inside one event's transaction. */
export interface UserStore {
  /** Sets `fields` and `version` when the row exists with an older version; false otherwise. */
  updateIfOlder(id: string, version: number, fields: Partial<UserFields>): Promise<boolean>;
  exists(id: string): Promise<boolean>;
  insert(user: UserRecord): Promise<void>;
}

const columns = {
  id: true,
  email: true,
  username: true,
  firstName: true,
  lastName: true,
  role: true,
  status: true,
  version: true,
} as const;

export class UserRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Runs `work` in one transaction with the event's inbox row, so the change and the record that
   * it was made commit together; an event handled before is skipped (`processed: false`).
   */
  async onceForEvent<R>(
    event: Pick<EventEnvelope, 'id' | 'type'>,
    work: (store: UserStore) => Promise<R>,
  ): Promise<InboxResult<R>> {
    return handleOnce(this.prisma, event, (tx) => work(storeOn(tx)));
  }

  async findById(id: string): Promise<UserRecord | null> {
    return this.prisma.user.findUnique({ where: { id }, select: columns });
  }

  /** The users of these ids that the read model holds, by id, in one query. */
  async findByIds(ids: readonly string[]): Promise<Map<string, UserRecord>> {
    const rows = await this.prisma.user.findMany({
      where: { id: { in: [...new Set(ids)] } },
      select: columns,
    });
    return new Map(rows.map((row) => [row.id, row]));
  }
}

function storeOn(tx: Prisma.TransactionClient): UserStore {
  return {
    async updateIfOlder(id, version, fields): Promise<boolean> {
      // One conditional statement: two instances applying events of one user cannot interleave a
      // read and a write, and the older event always loses.
      const { count } = await tx.user.updateMany({
        where: { id, version: { lt: version } },
        data: { ...fields, version },
      });
      return count === 1;
    },
    async exists(id): Promise<boolean> {
      return (await tx.user.count({ where: { id } })) > 0;
    },
    async insert(user): Promise<void> {
      await tx.user.create({ data: user, select: { id: true } });
    },
  };
}
