import { handleOnce, type EventEnvelope, type InboxResult } from '@slotwise/platform/events';
import { BusinessRepository } from '../businesses/business.repository.js';
import { CategoryRepository } from '../categories/category.repository.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { ResourceQueryRepository } from '../resources/resource-query.repository.js';
import { ResourceRepository } from '../resources/resource.repository.js';
import { OutboxRepository } from './outbox.repository.js';

export interface Repositories {
  resources: ResourceRepository;
  resourceQueries: ResourceQueryRepository;
  categories: CategoryRepository;
  businesses: BusinessRepository;
  outbox: OutboxRepository;
}

function bind(db: PrismaClient | Prisma.TransactionClient): Repositories {
  return {
    resources: new ResourceRepository(db),
    resourceQueries: new ResourceQueryRepository(db),
    categories: new CategoryRepository(db),
    businesses: new BusinessRepository(db),
    outbox: new OutboxRepository(db),
  };
}

/**
 * The repositories, outside a transaction (`repos`) or inside one (`transaction`), so that a
 * service can change several tables and write its events atomically without touching Prisma.
 */
export class Store {
  readonly repos: Repositories;

  constructor(private readonly prisma: PrismaClient) {
    this.repos = bind(prisma);
  }

  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => work(bind(tx)), { maxWait: 5_000, timeout: 10_000 });
  }

  /** `work` in one transaction with the event's inbox row: a redelivered event is skipped. */
  onceForEvent<T>(
    event: Pick<EventEnvelope, 'id' | 'type'>,
    work: (repos: Repositories) => Promise<T>,
  ): Promise<InboxResult<T>> {
    return handleOnce(this.prisma, event, (tx) => work(bind(tx)));
  }
}
