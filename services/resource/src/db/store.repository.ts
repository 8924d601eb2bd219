import { RepositoryStore } from '@slotwise/platform/db';
import {
  handleOnce,
  OutboxRepository,
  type EventEnvelope,
  type InboxResult,
} from '@slotwise/platform/events';
import { BusinessRepository } from '../businesses/business.repository.js';
import { CategoryRepository } from '../categories/category.repository.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { ResourceQueryRepository } from '../resources/resource-query.repository.js';
import { ResourceRepository } from '../resources/resource.repository.js';

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

/** This service's repositories, in or out of a transaction (see `RepositoryStore`). */
export class Store extends RepositoryStore<PrismaClient, Prisma.TransactionClient, Repositories> {
  constructor(prisma: PrismaClient) {
    super(prisma, bind);
  }

  /** `work` in one transaction with the event's inbox row: a redelivered event is skipped. */
  onceForEvent<T>(
    event: Pick<EventEnvelope, 'id' | 'type'>,
    work: (repos: Repositories) => Promise<T>,
  ): Promise<InboxResult<T>> {
    return handleOnce(this.db, event, (tx) => work(bind(tx)));
  }
}
