import type { EventEnvelope, EventHandlerContext } from '@slotwise/platform/events';
import type { TemplateName } from '../templates/template.js';
import type { Mailer, OutgoingMail } from './mailer.js';
import type { NotificationRepository } from './notification.repository.js';

export interface DeliveryRequest {
  event: Pick<EventEnvelope, 'id' | 'type'>;
  userId: string | null;
  template: TemplateName;
  mail: OutgoingMail;
  /** Past this instant the mail is pointless (an expired code) and is not sent late. */
  notAfter?: Date;
}

export type DeliveryOutcome = 'sent' | 'already-sent' | 'expired';

export interface DeliveryOptions {
  /** The subscription's retry limit: the attempt that fails at this count is the last. */
  maxAttempts: number;
  now?: () => Date;
}

/**
 * Sends one email an event asks for, at most once as far as SMTP allows. The log row, keyed by the
 * event id and the template, is the memory across redeliveries: a SENT row is never sent again.
 * Between the server's "250 OK" and the row turning SENT there is a window (a crash, the database
 * going away) in which the event is redelivered and the mail sent a second time; SMTP has no way
 * to ask "did you already take this one?", so that one duplicate is the price of never losing a
 * mail.
 */
export class NotificationDeliveryService {
  private readonly now: () => Date;

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly mailer: Mailer,
    private readonly options: DeliveryOptions,
  ) {
    this.now = options.now ?? ((): Date => new Date());
  }

  async deliver(request: DeliveryRequest, context: EventHandlerContext): Promise<DeliveryOutcome> {
    const record = await this.notifications.findOrCreate({
      eventId: request.event.id,
      eventType: request.event.type,
      userId: request.userId,
      template: request.template,
      recipient: request.mail.to,
    });
    const logger = context.logger.child({ notificationId: record.id, template: request.template });
    if (record.status === 'SENT') {
      logger.info('Notification already sent; not sending it again');
      return 'already-sent';
    }
    if (request.notAfter && this.now() > request.notAfter) {
      await this.notifications.markAbandoned(record.id, 'Expired before it could be sent');
      logger.warn('Notification expired before it could be sent; dropped');
      return 'expired';
    }

    try {
      await this.mailer.send(request.mail);
    } catch (error) {
      // The transport dead-letters the event when this attempt is its last: the row says so too.
      const last = context.attempt >= this.options.maxAttempts;
      await this.notifications.recordFailedAttempt(record.id, {
        error: error instanceof Error ? error.message : String(error),
        status: last ? 'FAILED' : 'PENDING',
      });
      throw error;
    }
    await this.notifications.markSent(record.id, this.now());
    logger.info({ attempt: context.attempt }, 'Notification sent');
    return 'sent';
  }
}
