import { once } from 'node:events';
import amqp from 'amqplib';
import type { ConfirmChannel, RecoveringChannelModel } from 'amqplib';
import type { Logger } from '../logger/index.js';
import { DEFAULT_BACKOFF, settleWithin, type BackoffOptions } from './backoff.js';
import type { EventEnvelope } from './envelope.js';
import { CLOSE_TIMEOUT_MS, RabbitConsumer, type RabbitTopology } from './rabbitmq-consumer.js';
import {
  assertConsumerName,
  resolveRetry,
  type EventTransport,
  type Subscription,
} from './transport.js';

export interface RabbitMqTransportOptions {
  url: string;
  logger: Logger;
  /** Names the exchange (`<prefix>.events`) and queues (`<prefix>.<consumer>[.retry|.dlq]`). */
  prefix?: string;
  /** How long a publish may wait for the broker's confirms before it fails. */
  confirmTimeoutMs?: number;
  /** Reconnection delays. */
  reconnect?: BackoffOptions;
  /**
   * How long `subscribe` waits for its queues to be set up. A broker that is down at boot must
   * not block the service: past this, `subscribe` resolves and the consumer keeps trying.
   */
  subscribeTimeoutMs?: number;
}

/**
 * RabbitMQ: one durable topic exchange, routing key = event type, persistent messages, publisher
 * confirms. The connection recovers by itself (amqplib's recovery, with our backoff); channels
 * do not survive a reconnection, so the publisher reopens its channel lazily and each consumer
 * supervises its own.
 */
export async function createRabbitMqTransport(
  options: RabbitMqTransportOptions,
): Promise<EventTransport> {
  const log = options.logger.child({ component: 'rabbitmq' });
  const reconnect = options.reconnect ?? DEFAULT_BACKOFF;
  let connected = false;
  const model = await amqp.connect(options.url, {
    recovery: {
      initialDelay: reconnect.initialMs,
      maxDelay: reconnect.maxMs,
      jitter: 0.5,
      // Return at once: a service must start (and report not ready) while the broker is down.
      waitForConnect: false,
    },
  });
  model.on('connect', () => {
    connected = true;
    log.info('Connected to RabbitMQ');
  });
  model.on('disconnect', (err: Error) => {
    connected = false;
    log.warn({ err }, 'Lost the RabbitMQ connection; reconnecting');
  });
  model.on('connect-failed', (err: Error) =>
    log.debug({ err }, 'RabbitMQ connection attempt failed'),
  );
  // Always followed by 'disconnect', which is the one worth a warning.
  model.on('error', (err: Error) => log.debug({ err }, 'RabbitMQ connection error'));
  model.on('blocked', (reason: string) => log.warn({ reason }, 'RabbitMQ blocked publishing'));

  const prefix = options.prefix ?? 'slotwise';
  const topology: RabbitTopology = {
    model,
    exchange: `${prefix}.events`,
    queue: (consumer) => `${prefix}.${consumer}`,
    logger: log,
    reconnect,
  };
  const publisher = new Publisher(
    model,
    topology.exchange,
    options.confirmTimeoutMs ?? 10_000,
    log,
  );
  const consumers = new Set<RabbitConsumer>();

  return {
    kind: 'rabbitmq',
    async publish(events): Promise<void> {
      if (events.length === 0) return;
      if (!connected) throw new Error('RabbitMQ is not connected');
      await publisher.publish(events);
    },
    async subscribe(consumerName, patterns, handler, subscribeOptions = {}): Promise<Subscription> {
      assertConsumerName(consumerName);
      const consumer = new RabbitConsumer(topology, consumerName, patterns, handler, {
        retry: resolveRetry(subscribeOptions.retry),
        prefetch: subscribeOptions.prefetch ?? 20,
        concurrency: subscribeOptions.concurrency ?? 1,
      });
      consumers.add(consumer);
      const waited = await withTimeout(
        consumer.started().then(() => true),
        options.subscribeTimeoutMs ?? 10_000,
        'consumer setup',
      ).catch(async (error: unknown) => {
        if (error instanceof TimeoutError) return false;
        consumers.delete(consumer);
        await consumer.close();
        throw error;
      });
      if (!waited)
        log.warn({ consumer: consumerName }, 'Broker unreachable; consumer will start later');
      return {
        consumer: consumerName,
        close: async () => {
          consumers.delete(consumer);
          await consumer.close();
        },
      };
    },
    healthCheck: (): Promise<void> =>
      connected ? Promise.resolve() : Promise.reject(new Error('RabbitMQ is not connected')),
    async close(): Promise<void> {
      await Promise.all([...consumers].map((consumer) => consumer.close()));
      consumers.clear();
      // Closing the connection closes the publish channel; waiting for that channel first would
      // hang while the broker is down (its creation waits for a connection).
      publisher.forget();
      await settleWithin(model.close(), CLOSE_TIMEOUT_MS);
    },
  };
}

class Publisher {
  private channel: Promise<ConfirmChannel> | undefined;

  constructor(
    private readonly model: RecoveringChannelModel,
    private readonly exchange: string,
    private readonly timeoutMs: number,
    private readonly log: Logger,
  ) {}

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    const channel = await withTimeout(this.open(), this.timeoutMs, 'opening a channel');
    try {
      for (const event of events) {
        const sent = channel.publish(
          this.exchange,
          event.type,
          Buffer.from(JSON.stringify(event)),
          {
            persistent: true,
            contentType: 'application/json',
            messageId: event.id,
            type: event.type,
            timestamp: Math.floor(Date.parse(event.occurredAt) / 1000),
          },
        );
        if (!sent) await withTimeout(once(channel, 'drain'), this.timeoutMs, 'channel drain');
      }
      await withTimeout(channel.waitForConfirms(), this.timeoutMs, 'publisher confirms');
    } catch (error) {
      // Unconfirmed messages may still be confirmed later on this channel; a fresh channel keeps
      // the next batch's confirms unambiguous.
      this.reset(channel);
      throw error;
    }
  }

  forget(): void {
    this.channel = undefined;
  }

  private open(): Promise<ConfirmChannel> {
    this.channel ??= this.createChannel().catch((error: unknown) => {
      this.channel = undefined;
      throw error;
    });
    return this.channel;
  }

  private async createChannel(): Promise<ConfirmChannel> {
    const channel = await this.model.createConfirmChannel();
    const current = this.channel;
    channel.on('error', (err: Error) => this.log.warn({ err }, 'Publish channel error'));
    channel.on('close', () => {
      if (this.channel === current) this.channel = undefined;
    });
    await channel.assertExchange(this.exchange, 'topic', { durable: true });
    return channel;
  }

  private reset(channel: ConfirmChannel): void {
    this.channel = undefined;
    channel.close().catch(() => undefined);
  }
}

export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`Timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
