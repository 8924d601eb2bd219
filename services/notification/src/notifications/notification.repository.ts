import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';

export type NotificationStatus = 'PENDING' | 'SENT' | 'FAILED';

export interface NotificationRecord {
  id: string;
  eventId: string;
  eventType: string;
  userId: string | null;
  template: string;
  recipient: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewNotification {
  eventId: string;
  eventType: string;
  userId: string | null;
  template: string;
  recipient: string;
}

/** The delivery log. Holds who was written to and how it went, never what was written. */
export class NotificationRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * The row of this event's mail with this template, created PENDING the first time. Keyed by the
   * template, not the address: it is fixed by the event, while an address can change in the read
   * model between two attempts and would then start a second row (and a second mail).
   */
  async findOrCreate(input: NewNotification): Promise<NotificationRecord> {
    // One statement (Prisma's upsert on a compound key is a SELECT, an INSERT and a SELECT). On a
    // conflict the no-op update locks and returns the row that is there, committed, so a
    // redelivery racing the first delivery waits for it and then sees its outcome.
    const rows = await this.prisma.$queryRaw<NotificationRecord[]>`
      INSERT INTO notifications (id, "eventId", "eventType", "userId", template, recipient, "updatedAt")
      VALUES (${randomUUID()}::uuid, ${input.eventId}::uuid, ${input.eventType}, ${input.userId}::uuid,
        ${input.template}, ${input.recipient}, now())
      ON CONFLICT ("eventId", template) DO UPDATE SET "eventId" = notifications."eventId"
      RETURNING id, "eventId", "eventType", "userId", template, recipient, status::text AS status,
        attempts, "lastError", "sentAt", "createdAt", "updatedAt"`;
    return rows[0]!;
  }

  async markSent(id: string, sentAt: Date): Promise<void> {
    await this.prisma.notification.update({
      where: { id },
      data: { status: 'SENT', attempts: { increment: 1 }, sentAt },
      select: { id: true },
    });
  }

  /** Counts a failed SMTP attempt; `status` is PENDING while retries remain, FAILED after. */
  async recordFailedAttempt(
    id: string,
    failure: { error: string; status: 'PENDING' | 'FAILED' },
  ): Promise<void> {
    await this.prisma.notification.update({
      where: { id },
      data: { status: failure.status, attempts: { increment: 1 }, lastError: failure.error },
      select: { id: true },
    });
  }

  /** Gives up on a notification without an SMTP attempt (it no longer makes sense to send). */
  async markAbandoned(id: string, reason: string): Promise<void> {
    await this.prisma.notification.update({
      where: { id },
      data: { status: 'FAILED', lastError: reason },
      select: { id: true },
    });
  }
}
