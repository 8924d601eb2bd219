import type { Logger } from '@slotwise/platform/logger';
import { createInfrastructure, type Infrastructure } from '@slotwise/platform/service';
import type { Config } from './config.js';
import { notificationConsumer } from './events/notification.consumer.js';
import { PrismaClient } from './generated/prisma/client.js';
import { bareAddress, createSmtpMailer, type Mailer } from './notifications/mailer.js';
import { NotificationDeliveryService } from './notifications/notification-delivery.service.js';
import { NotificationRepository } from './notifications/notification.repository.js';
import { UserReadModelService } from './users/user-read-model.service.js';
import { UserRepository } from './users/user.repository.js';

export interface Container extends Infrastructure<PrismaClient> {
  config: Config;
  users: UserReadModelService;
  delivery: NotificationDeliveryService;
}

/** The composition root: infrastructure → repositories → services → event handlers. */
export async function buildContainer(
  config: Config,
  overrides: { mailer?: Mailer; logger?: Logger } = {},
): Promise<Container> {
  const infrastructure = await createInfrastructure({
    service: 'notification',
    // No user-facing routes: nothing to verify access tokens for.
    syncRevocations: false,
    config,
    createPrisma: (adapter) => new PrismaClient({ adapter }),
    ...(overrides.logger ? { logger: overrides.logger } : {}),
  });
  const mailer =
    overrides.mailer ??
    createSmtpMailer({
      url: config.SMTP_URL,
      from: config.MAIL_FROM,
      connectionTimeoutMs: config.SMTP_CONNECTION_TIMEOUT_MS,
      greetingTimeoutMs: config.SMTP_GREETING_TIMEOUT_MS,
      socketTimeoutMs: config.SMTP_SOCKET_TIMEOUT_MS,
    });
  const users = new UserReadModelService(new UserRepository(infrastructure.prisma));
  const delivery = new NotificationDeliveryService(
    new NotificationRepository(infrastructure.prisma),
    mailer,
    { maxAttempts: config.NOTIFICATION_MAX_ATTEMPTS },
  );
  const templates = {
    productName: config.PRODUCT_NAME,
    publicUrl: config.PUBLIC_URL.replace(/\/+$/, ''),
    senderAddress: bareAddress(config.MAIL_FROM),
  };
  infrastructure.consume(
    notificationConsumer(
      { users, delivery, templates },
      {
        retry: {
          maxAttempts: config.NOTIFICATION_MAX_ATTEMPTS,
          initialDelayMs: config.NOTIFICATION_RETRY_INITIAL_MS,
          maxDelayMs: config.NOTIFICATION_RETRY_MAX_MS,
        },
        concurrency: config.NOTIFICATION_CONCURRENCY,
      },
    ),
  );

  return {
    ...infrastructure,
    config,
    users,
    delivery,
    stopSteps: [...infrastructure.stopSteps, { name: 'mailer', run: () => mailer.close() }],
  };
}
