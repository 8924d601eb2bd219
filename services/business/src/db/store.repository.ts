import { RepositoryStore } from '@slotwise/platform/db';
import { OutboxRepository } from '@slotwise/platform/events';
import { BusinessRepository } from '../businesses/business.repository.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

export interface Repositories {
  businesses: BusinessRepository;
  outbox: OutboxRepository;
}

function bind(db: PrismaClient | Prisma.TransactionClient): Repositories {
  return {
    businesses: new BusinessRepository(db),
    outbox: new OutboxRepository(db),
  };
}

/** This service's repositories, in or out of a transaction (see `RepositoryStore`). */
export class Store extends RepositoryStore<PrismaClient, Prisma.TransactionClient, Repositories> {
  constructor(prisma: PrismaClient) {
    super(prisma, bind);
  }
}
