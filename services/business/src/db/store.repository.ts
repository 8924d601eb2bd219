import { BusinessRepository } from '../businesses/business.repository.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { OutboxRepository } from './outbox.repository.js';

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

/**
 * The repositories, outside a transaction (`repos`) or inside one (`transaction`), so that a
 * service can change a business and write its event atomically without touching Prisma.
 */
export class Store {
  readonly repos: Repositories;

  constructor(private readonly prisma: PrismaClient) {
    this.repos = bind(prisma);
  }

  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => work(bind(tx)), { maxWait: 5_000, timeout: 10_000 });
  }
}
