import { writeToOutbox, type EventEnvelope } from '@slotwise/platform/events';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

type Db = PrismaClient | Prisma.TransactionClient;

/** Events, written in the same transaction as the change they describe. */
export class OutboxRepository {
  constructor(private readonly db: Db) {}

  async add(...events: EventEnvelope<object>[]): Promise<void> {
    await writeToOutbox(this.db, events);
  }
}
