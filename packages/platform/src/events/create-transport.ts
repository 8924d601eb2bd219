import type { Logger } from '../logger/index.js';
import { createPgBossTransport, type PgBossTransportOptions } from './pgboss-transport.js';
import { createRabbitMqTransport, type RabbitMqTransportOptions } from './rabbitmq-transport.js';
import type { EventTransport } from './transport.js';

export interface TransportConfig {
  /** `AMQP_URL`: when set, RabbitMQ carries the events. */
  amqpUrl?: string | undefined;
  /** `EVENTS_DATABASE_URL`: pg-boss's database, used when there is no AMQP URL. */
  eventsDatabaseUrl?: string | undefined;
  logger: Logger;
  /** Exchange, queue and channel name prefix (default `slotwise`); tests use one per run. */
  prefix?: string;
  /** Tuning of whichever transport is picked. */
  rabbitMq?: Omit<RabbitMqTransportOptions, 'url' | 'logger' | 'prefix'>;
  pgBoss?: Omit<PgBossTransportOptions, 'connectionString' | 'logger' | 'prefix'>;
}

/** RabbitMQ when an AMQP URL is configured, otherwise pg-boss on the events database. */
export async function createEventTransport(config: TransportConfig): Promise<EventTransport> {
  const prefix = config.prefix === undefined ? {} : { prefix: config.prefix };
  if (config.amqpUrl) {
    return createRabbitMqTransport({
      ...config.rabbitMq,
      ...prefix,
      url: config.amqpUrl,
      logger: config.logger,
    });
  }
  if (config.eventsDatabaseUrl) {
    return createPgBossTransport({
      ...config.pgBoss,
      ...prefix,
      connectionString: config.eventsDatabaseUrl,
      logger: config.logger,
    });
  }
  throw new Error('Events need AMQP_URL or EVENTS_DATABASE_URL');
}
