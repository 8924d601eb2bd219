import { RepositoryStore } from '@slotwise/platform/db';
import { OutboxRepository } from '@slotwise/platform/events';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { PaymentRepository } from '../payments/payment.repository.js';
import { RefundRepository } from '../refunds/refund.repository.js';
import { ProviderEventRepository } from '../webhooks/provider-event.repository.js';

export interface Repositories {
  payments: PaymentRepository;
  refunds: RefundRepository;
  providerEvents: ProviderEventRepository;
  outbox: OutboxRepository;
}

function bind(db: PrismaClient | Prisma.TransactionClient): Repositories {
  return {
    payments: new PaymentRepository(db),
    refunds: new RefundRepository(db),
    providerEvents: new ProviderEventRepository(db),
    outbox: new OutboxRepository(db),
  };
}

/** This service's repositories, in or out of a transaction (see `RepositoryStore`). */
export class Store extends RepositoryStore<PrismaClient, Prisma.TransactionClient, Repositories> {
  constructor(prisma: PrismaClient) {
    super(prisma, bind);
  }
}
