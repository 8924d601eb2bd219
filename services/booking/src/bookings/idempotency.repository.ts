import type { PrismaClient } from '../generated/prisma/client.js';

export interface StoredResponse {
  requestHash: string;
  statusCode: number;
  responseBody: unknown;
}

/** The stored first responses to idempotency keys (the claim itself is part of the insert). */
export class IdempotencyRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async find(userId: string, key: string, notBefore: Date): Promise<StoredResponse | null> {
    return this.prisma.idempotencyKey.findFirst({
      where: { userId, key, createdAt: { gte: notBefore } },
      select: { requestHash: true, statusCode: true, responseBody: true },
    });
  }

  async deleteOlderThan(before: Date): Promise<number> {
    const { count } = await this.prisma.idempotencyKey.deleteMany({
      where: { createdAt: { lt: before } },
    });
    return count;
  }
}
