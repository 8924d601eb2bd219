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

const columns = {
  id: true,
  eventId: true,
  eventType: true,
  userId: true,
  template: true,
  recipient: true,
  status: true,
  attempts: true,
  lastError: true,
  sentAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** The delivery log. Holds who was written to and how it went, never what was written. */
export class NotificationRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * The row of this event's mail with this template, created PENDING the first time. Keyed by the
   * template, not the address: it is fixed by the event, while an address can change in the read
   * model between two attempts and would then start a second row (and a second mail).
   */
  async findOrCreate(input: NewNotification): Promise<NotificationRecord> {
    return this.prisma.notification.upsert({
      where: { eventId_template: { eventId: input.eventId, template: input.template } },
      create: input,
      update: {},
      select: columns,
    });
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
