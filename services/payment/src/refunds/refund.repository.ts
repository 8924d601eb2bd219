import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

type Db = PrismaClient | Prisma.TransactionClient;

export interface RefundRecord {
  id: string;
  paymentId: string;
  amount: string;
  reason: string;
  requestedBy: string | null;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  providerRef: string | null;
  createdAt: Date;
}

const select = {
  id: true,
  paymentId: true,
  amount: true,
  reason: true,
  requestedBy: true,
  status: true,
  providerRef: true,
  createdAt: true,
} as const;

function toRecord(row: Prisma.PaymentRefundGetPayload<{ select: typeof select }>): RefundRecord {
  return { ...row, amount: row.amount.toFixed(2) };
}

export class RefundRepository {
  constructor(private readonly db: Db) {}

  async create(refund: {
    id: string;
    paymentId: string;
    amount: string;
    reason: string;
    requestedBy: string | null;
  }): Promise<RefundRecord> {
    return toRecord(await this.db.paymentRefund.create({ data: refund, select }));
  }

  async findById(id: string): Promise<RefundRecord | null> {
    const row = await this.db.paymentRefund.findUnique({ where: { id }, select });
    return row && toRecord(row);
  }

  /** What refunds still in flight hold back of a payment (they may yet succeed). */
  async pendingTotal(paymentId: string): Promise<string> {
    const { _sum } = await this.db.paymentRefund.aggregate({
      where: { paymentId, status: 'PENDING' },
      _sum: { amount: true },
    });
    return _sum.amount ? _sum.amount.toFixed(2) : '0.00';
  }

  async markSucceeded(id: string, providerRef: string): Promise<void> {
    await this.db.paymentRefund.update({
      where: { id },
      data: { status: 'SUCCEEDED', providerRef, error: null },
    });
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.db.paymentRefund.update({
      where: { id },
      data: { status: 'FAILED', error: error.slice(0, 500) },
    });
  }

  async recordError(id: string, error: string): Promise<void> {
    await this.db.paymentRefund.update({ where: { id }, data: { error: error.slice(0, 500) } });
  }

  /** Refunds left PENDING (the provider did not answer in time) since before `before`. */
  async findStalePendingIds(before: Date, limit: number): Promise<string[]> {
    const rows = await this.db.paymentRefund.findMany({
      where: { status: 'PENDING', createdAt: { lte: before } },
      orderBy: { createdAt: 'asc' },
      select: { id: true },
      take: limit,
    });
    return rows.map((row) => row.id);
  }
}
