import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';

type Db = PrismaClient | Prisma.TransactionClient;

export type LedgerOperation = 'CHECKOUT' | 'CHARGE' | 'REFUND';

export interface LedgerEntry {
  idempotencyKey: string;
  operation: LedgerOperation;
  reference: string;
  paymentId: string;
  amount: string | null;
}

function toEntry(row: Prisma.SimulatedProviderLedgerGetPayload<object>): LedgerEntry {
  return {
    idempotencyKey: row.idempotencyKey,
    operation: row.operation as LedgerOperation,
    reference: row.reference,
    paymentId: row.paymentId,
    amount: row.amount ? row.amount.toFixed(2) : null,
  };
}

/**
 * The simulated provider's own books: one row per operation it performed, keyed by the
 * idempotency key of the call, as a real provider keeps its idempotency keys.
 */
export class SimulatedLedgerRepository {
  constructor(private readonly db: Db) {}

  async find(idempotencyKey: string): Promise<LedgerEntry | null> {
    const row = await this.db.simulatedProviderLedger.findUnique({ where: { idempotencyKey } });
    return row && toEntry(row);
  }

  /** The payment a checkout session was opened for, by the session's reference. */
  async paymentOfCheckout(reference: string): Promise<string | null> {
    const row = await this.db.simulatedProviderLedger.findFirst({
      where: { reference, operation: 'CHECKOUT' },
      select: { paymentId: true },
    });
    return row?.paymentId ?? null;
  }

  /** Records the operation once; a second call with the same key gets the first one back. */
  async recordOnce(entry: LedgerEntry): Promise<LedgerEntry> {
    await this.db.$executeRaw`
      INSERT INTO simulated_provider_ledger (idempotency_key, operation, reference, payment_id, amount)
      VALUES (${entry.idempotencyKey}, ${entry.operation}, ${entry.reference},
              ${entry.paymentId}::uuid, ${entry.amount}::numeric)
      ON CONFLICT (idempotency_key) DO NOTHING`;
    const row = await this.db.simulatedProviderLedger.findUniqueOrThrow({
      where: { idempotencyKey: entry.idempotencyKey },
    });
    return toEntry(row);
  }

  /** What was charged for a payment and what was refunded of it. */
  async totals(paymentId: string): Promise<{ charged: string; refunded: string }> {
    const rows = await this.db.simulatedProviderLedger.groupBy({
      by: ['operation'],
      where: { paymentId, operation: { in: ['CHARGE', 'REFUND'] } },
      _sum: { amount: true },
    });
    const sum = (operation: LedgerOperation): string =>
      rows.find((row) => row.operation === operation)?._sum.amount?.toFixed(2) ?? '0.00';
    return { charged: sum('CHARGE'), refunded: sum('REFUND') };
  }
}
