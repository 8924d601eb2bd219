import type { ConfirmChannel, ConsumeMessage, Options, RecoveringChannelModel } from 'amqplib';
import type { Logger } from '../logger/index.js';
import { backoffDelay, settleWithin, sleep, type BackoffOptions } from './backoff.js';
import { aggregateOf, AggregateLanes } from './lanes.js';
import { eventLogFields, parseEventEnvelope, type EventEnvelope } from './envelope.js';
import { UnprocessableEventError, type EventHandler, type RetryPolicy } from './transport.js';
import { abortable, ownHeaders, settle, untilClosedOrAborted } from './rabbitmq-channel.js';

export interface RabbitTopology {
  model: RecoveringChannelModel;
  exchange: string;
  queue(consumer: string): string;
  logger: Logger;
  reconnect: BackoffOptions;
}

/** Failed attempts so far, carried from the retry queue back to the main queue. */
const ATTEMPT_HEADER = 'x-slotwise-attempt';
const ERROR_HEADER = 'x-slotwise-error';
/** Longest wait for the broker to answer a cancel or close while shutting down. */
export const CLOSE_TIMEOUT_MS = 2_000;

interface ConsumerOptions {
  retry: RetryPolicy;
  prefetch: number;
  concurrency: number;
}

/**
 * One consuming service's queue, `<prefix>.<consumer>`, bound to its patterns. A failed event is
 * re-published to `<queue>.retry` with a per-message TTL; when it expires RabbitMQ dead-letters it
 * back to the main queue (a single retry queue has head-of-line blocking: a long delay at its head
 * holds back shorter ones behind it, which only ever lengthens delays). After `maxAttempts`
 * failures the event goes to `<queue>.dlq`. Events are handled in queue order: one at a time, or
 * with `concurrency` above 1 those of different aggregates side by side (`AggregateLanes`).
 */
export class RabbitConsumer {
  private readonly queue: string;
  private readonly log: Logger;
  private readonly abort = new AbortController();
  private readonly running: Promise<void>;
  private firstSetup: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  private readonly firstSetupDone: Promise<void>;
  private channel: ConfirmChannel | undefined;
  private consumerTag: string | undefined;
  private readonly lanes: AggregateLanes;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly topology: RabbitTopology,
    consumer: string,
    private readonly patterns: readonly string[],
    private readonly handler: EventHandler,
    private readonly options: ConsumerOptions,
  ) {
    this.queue = topology.queue(consumer);
    this.log = topology.logger.child({ consumer });
    this.lanes = new AggregateLanes(options.concurrency);
    this.firstSetupDone = new Promise((resolve, reject) => {
      this.firstSetup = { resolve, reject };
    });
    // Whoever awaits `started()` sees a rejection; nobody awaiting must not crash the process.
    this.firstSetupDone.catch(() => undefined);
    this.running = this.supervise();
  }

  /** Resolves once the queues exist and consuming has begun (so nothing published is missed). */
  started(): Promise<void> {
    return this.firstSetupDone;
  }

  async close(): Promise<void> {
    this.abort.abort();
    const channel = this.channel;
    this.channel = undefined;
    if (channel && this.consumerTag)
      await settleWithin(channel.cancel(this.consumerTag), CLOSE_TIMEOUT_MS);
    await Promise.all(this.inFlight);
    if (channel) await settleWithin(channel.close(), CLOSE_TIMEOUT_MS);
    await this.running;
  }

  private async supervise(): Promise<void> {
    let failures = 0;
    while (!this.abort.signal.aborted) {
      let channel: ConfirmChannel | undefined;
      try {
        channel = await abortable(this.topology.model.createConfirmChannel(), this.abort.signal);
        // Also ends on abort: a channel whose close handshake is never answered never emits it.
        const closed = untilClosedOrAborted(channel, this.abort.signal);
        channel.on('error', (err: Error) => this.log.warn({ err }, 'Consumer channel error'));
        await this.setUp(channel);
        failures = 0;
        this.firstSetup?.resolve();
        this.firstSetup = undefined;
        await closed;
        if (this.channel === channel) this.channel = undefined;
      } catch (error) {
        if (channel) void settleWithin(channel.close(), CLOSE_TIMEOUT_MS);
        if (this.abort.signal.aborted) break;
        failures += 1;
        this.log.warn({ err: error, failures }, 'Could not set up the consumer; retrying');
        // A topology the broker refuses (bad arguments) is a bug: fail the subscribe call.
        if (this.firstSetup && failures >= 3) {
          this.firstSetup.reject(error);
          this.firstSetup = undefined;
        }
      }
      if (!this.abort.signal.aborted) {
        await sleep(
          backoffDelay(Math.max(failures, 1), this.topology.reconnect),
          this.abort.signal,
        );
      }
    }
    this.firstSetup?.reject(new Error('Subscription closed'));
  }

  private async setUp(channel: ConfirmChannel): Promise<void> {
    const { exchange } = this.topology;
    await channel.assertExchange(exchange, 'topic', { durable: true });
    await channel.assertQueue(this.queue, { durable: true });
    await channel.assertQueue(`${this.queue}.retry`, {
      durable: true,
      deadLetterExchange: '',
      deadLetterRoutingKey: this.queue,
    });
    await channel.assertQueue(`${this.queue}.dlq`, { durable: true });
    for (const pattern of this.patterns) await channel.bindQueue(this.queue, exchange, pattern);
    await channel.prefetch(this.options.prefetch);
    this.channel = channel;
    const { consumerTag } = await channel.consume(this.queue, (message) => {
      if (!message) {
        // The broker cancelled us (queue deleted): reopen, which declares the queue again.
        channel.close().catch(() => undefined);
        return;
      }
      let payload: unknown;
      try {
        payload = JSON.parse(message.content.toString('utf8'));
      } catch {
        payload = undefined; // handled below as a malformed event
      }
      const key = aggregateOf(payload, `delivery:${message.fields.deliveryTag}`);
      const task = this.lanes.run(key, () => this.handle(channel, message, payload));
      this.inFlight.add(task);
      void task.finally(() => this.inFlight.delete(task));
    });
    this.consumerTag = consumerTag;
  }

  private async handle(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    payload: unknown,
  ): Promise<void> {
    // Messages prefetched on a channel that has since closed will be redelivered on the next one.
    if (this.channel !== channel) return;
    const headers = message.properties.headers ?? {};
    const previous = Number(headers[ATTEMPT_HEADER] ?? 0);
    const attempt = (Number.isFinite(previous) ? previous : 0) + 1;
    let event: EventEnvelope;
    try {
      event = parseEventEnvelope(payload);
    } catch (error) {
      this.log.error({ err: error, messageId: message.properties.messageId }, 'Malformed event');
      await this.forward(channel, message, `${this.queue}.dlq`, attempt, error);
      return;
    }
    const logger = this.log.child(eventLogFields(event));
    const failure = await this.handler(event, { attempt, logger }).then(
      () => undefined,
      (error: unknown) => error ?? new Error('Event handler failed'),
    );
    if (failure === undefined) {
      settle(channel, message, 'ack');
      return;
    }
    const { retry } = this.options;
    if (failure instanceof UnprocessableEventError) {
      logger.error({ err: failure, attempt }, 'Event cannot be handled; dead-lettered, no retries');
      await this.forward(channel, message, `${this.queue}.dlq`, attempt, failure);
      return;
    }
    if (attempt >= retry.maxAttempts) {
      logger.error(
        { err: failure, attempt },
        'Event handler failed for the last time; dead-lettered',
      );
      await this.forward(channel, message, `${this.queue}.dlq`, attempt, failure);
      return;
    }
    const delayMs = backoffDelay(attempt, {
      initialMs: retry.initialDelayMs,
      maxMs: retry.maxDelayMs,
    });
    logger.warn({ err: failure, attempt, retryInMs: delayMs }, 'Event handler failed; will retry');
    await this.forward(channel, message, `${this.queue}.retry`, attempt, failure, delayMs);
  }

  /** Moves a message to another queue: confirmed copy first, then the ack, so none is lost. */
  private async forward(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    queue: string,
    attempt: number,
    error: unknown,
    expirationMs?: number,
  ): Promise<void> {
    const { properties } = message;
    const options: Options.Publish = {
      persistent: true,
      contentType: properties.contentType as string | undefined,
      messageId: properties.messageId as string | undefined,
      type: properties.type as string | undefined,
      timestamp: properties.timestamp as number | undefined,
      headers: {
        ...ownHeaders(properties.headers),
        [ATTEMPT_HEADER]: attempt,
        [ERROR_HEADER]: (error instanceof Error ? error.message : String(error)).slice(0, 500),
      },
      ...(expirationMs === undefined ? {} : { expiration: String(expirationMs) }),
    };
    try {
      await new Promise<void>((resolve, reject) => {
        channel.sendToQueue(queue, message.content, options, (err: unknown) =>
          err
            ? reject(err instanceof Error ? err : new Error('Broker refused the message'))
            : resolve(),
        );
      });
    } catch (forwardError) {
      // Requeued, the event is tried again; its attempt count is only bumped by a forward.
      this.log.warn({ err: forwardError, queue }, 'Could not move a failed event; requeued');
      settle(channel, message, 'requeue');
      return;
    }
    settle(channel, message, 'ack');
  }
}
