import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

type Db = PrismaClient | Prisma.TransactionClient;

/** The providers' webhook events already applied: an inbox keyed by the provider's event id. */
export class ProviderEventRepository {
  constructor(private readonly db: Db) {}

  /** Records the event; false when it was recorded before (a redelivery: apply nothing). */
  async record(event: {
    provider: string;
    eventId: string;
    type: string;
    paymentId: string | null;
  }): Promise<boolean> {
    const inserted = await this.db.$executeRaw`
      INSERT INTO provider_events (provider, event_id, type, payment_id)
      VALUES (${event.provider}, ${event.eventId}, ${event.type}, ${event.paymentId}::uuid)
      ON CONFLICT (provider, event_id) DO NOTHING`;
    return inserted === 1;
  }

  /** Providers redeliver for days at most (Stripe: three); older ids are not kept for ever. */
  async purgeOlderThan(days: number): Promise<number> {
    return this.db.$executeRaw`
      DELETE FROM provider_events WHERE received_at < now() - make_interval(days => ${days}::int)`;
  }
}
