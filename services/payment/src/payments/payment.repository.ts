import { randomUUID } from 'node:crypto';
import type { PaymentProviderName } from '@slotwise/contracts';
import { translateViolation } from '@slotwise/platform/db';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type {
  AttemptOutcome,
  NewPayment,
  PaymentChanges,
  PaymentFilter,
  PaymentRecord,
  PaymentWithAttempts,
} from './payment.types.js';

type Db = PrismaClient | Prisma.TransactionClient;
type Row = Prisma.PaymentGetPayload<object>;

/** Money leaves the repository as decimal strings; the provider name as the contract's. */
function toRecord(row: Row): PaymentRecord {
  return {
    ...row,
    amount: row.amount.toFixed(2),
    refundedAmount: row.refundedAmount.toFixed(2),
    provider: row.provider as PaymentProviderName,
  };
}

const attempts = {
  orderBy: [{ at: 'asc' as const }, { id: 'asc' as const }],
  select: { at: true, outcome: true, error: true },
} satisfies Prisma.Payment$attemptsArgs;

export class PaymentRepository {
  constructor(private readonly db: Db) {}

  /** Throws `UniqueViolation` when the booking already has a payment of this kind. */
  async create(payment: NewPayment): Promise<PaymentRecord> {
    try {
      return toRecord(await this.db.payment.create({ data: payment }));
    } catch (error) {
      return translateViolation(error);
    }
  }

  async findById(id: string): Promise<PaymentRecord | null> {
    const row = await this.db.payment.findUnique({ where: { id } });
    return row && toRecord(row);
  }

  async findWithAttempts(id: string): Promise<PaymentWithAttempts | null> {
    const row = await this.db.payment.findUnique({ where: { id }, include: { attempts } });
    return row && { ...toRecord(row), attempts: row.attempts };
  }

  async findByBooking(bookingId: string): Promise<PaymentRecord[]> {
    const rows = await this.db.payment.findMany({
      where: { bookingId },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map(toRecord);
  }

  /**
   * Reads the payment and holds its row lock until the transaction ends: changes of one payment
   * (webhooks, refunds, retries, a cancellation) are decided one after the other.
   */
  async findByIdForUpdate(id: string): Promise<PaymentRecord | null> {
    const locked = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM payments WHERE id = ${id}::uuid FOR UPDATE`;
    return locked.length === 0 ? null : this.findById(id);
  }

  /** The payment a provider's checkout session belongs to, locked as `findByIdForUpdate`. */
  async findByProviderRefForUpdate(
    provider: string,
    providerRef: string,
  ): Promise<PaymentRecord | null> {
    const locked = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM payments WHERE provider = ${provider} AND provider_ref = ${providerRef}
         FOR UPDATE`;
    return locked[0] ? this.findById(locked[0].id) : null;
  }

  async findByProviderRef(provider: string, providerRef: string): Promise<PaymentRecord | null> {
    const row = await this.db.payment.findUnique({
      where: { provider_providerRef: { provider, providerRef } },
    });
    return row && toRecord(row);
  }

  /** Applies the changes and bumps the version (every change here is announced). */
  async update(id: string, changes: PaymentChanges, bumpVersion = true): Promise<PaymentRecord> {
    const row = await this.db.payment.update({
      where: { id },
      data: { ...changes, ...(bumpVersion ? { version: { increment: 1 } } : {}) },
    });
    return toRecord(row);
  }

  async addAttempt(
    paymentId: string,
    outcome: AttemptOutcome,
    error?: string | null,
  ): Promise<void> {
    await this.db.paymentAttempt.create({
      data: { id: randomUUID(), paymentId, outcome, error: error ? error.slice(0, 500) : null },
    });
  }

  async list(
    filter: PaymentFilter,
    page: { skip: number; take: number },
  ): Promise<{ items: PaymentWithAttempts[]; total: number }> {
    const where: Prisma.PaymentWhereInput = {
      ...(filter.bookingId ? { bookingId: filter.bookingId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.userId ? { userId: filter.userId } : {}),
      ...(filter.vendorId ? { vendorId: filter.vendorId } : {}),
    };
    const [rows, total] = await Promise.all([
      this.db.payment.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        include: { attempts },
        ...page,
      }),
      this.db.payment.count({ where }),
    ]);
    return { items: rows.map((row) => ({ ...toRecord(row), attempts: row.attempts })), total };
  }

  /** PENDING payments whose checkout deadline has passed, oldest first. */
  async findOverdueIds(now: Date, limit: number): Promise<string[]> {
    const rows = await this.db.payment.findMany({
      where: { status: 'PENDING', expiresAt: { lte: now } },
      orderBy: { expiresAt: 'asc' },
      select: { id: true },
      take: limit,
    });
    return rows.map((row) => row.id);
  }
}
