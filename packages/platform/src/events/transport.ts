import type { Logger } from '../logger/index.js';
import type { EventEnvelope } from './envelope.js';

export interface EventHandlerContext {
  /** 1 on the first delivery, then 2, 3... after failures (redeliveries after a crash keep it). */
  attempt: number;
  /** The consumer's logger, bound to the event's id, type, aggregate and request id. */
  logger: Logger;
}

/**
 * Thrown by a handler for an event that no retry can help (data that breaks its contract: a bug on
 * the publishing side). Both transports dead-letter it at once, without retries, where it can be
 * inspected. The message must not carry the data itself (it can hold a one-time code).
 */
export class UnprocessableEventError extends Error {
  override readonly name = 'UnprocessableEventError';
}

/**
 * Resolves when the event is handled; throws to have it retried and, in the end, dead-lettered
 * (at once for an `UnprocessableEventError`).
 */
export type EventHandler = (event: EventEnvelope, context: EventHandlerContext) => Promise<void>;

export interface RetryPolicy {
  /** Failed attempts after which an event goes to the consumer's dead-letter queue. */
  maxAttempts: number;
  /** Delay before the second attempt; doubled for each further one (with jitter). */
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 1_000,
  maxDelayMs: 60_000,
};

export interface SubscribeOptions {
  retry?: Partial<RetryPolicy>;
  /** Messages fetched ahead of the handler. */
  prefetch?: number;
  /**
   * Events handled at the same time, default 1. Events of one aggregate are always handled one
   * after another, in order; above 1, those of different aggregates may overlap. Useful when
   * handling mostly waits (SMTP); at most `prefetch` can overlap.
   */
  concurrency?: number;
}

export interface Subscription {
  readonly consumer: string;
  /** Stops taking new events and waits for the one being handled. */
  close(): Promise<void>;
}

/**
 * What the relay publishes through and consumers subscribe with. Patterns follow AMQP topic
 * rules on both transports: `*` is one dot-separated word, `#` is zero or more.
 */
export interface EventTransport {
  readonly kind: 'rabbitmq' | 'pg-boss';
  /** Resolves only once the broker has durably accepted every event (publisher confirms). */
  publish(events: readonly EventEnvelope[]): Promise<void>;
  /**
   * One durable queue per consumer (the consuming service's name), fed with every event whose
   * type matches one of `patterns`, created if missing.
   */
  subscribe(
    consumer: string,
    patterns: readonly string[],
    handler: EventHandler,
    options?: SubscribeOptions,
  ): Promise<Subscription>;
  /** For `/health/ready`: rejects while the broker is unreachable. */
  readonly healthCheck: () => Promise<void>;
  /** Closes subscriptions, then connections. */
  close(): Promise<void>;
}

export function resolveRetry(retry: Partial<RetryPolicy> | undefined): RetryPolicy {
  const policy = { ...DEFAULT_RETRY, ...retry };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new Error('retry.maxAttempts must be a positive integer');
  }
  return policy;
}

const CONSUMER_NAME = /^[a-z][a-z0-9-]{0,62}$/;

export function assertConsumerName(consumer: string): void {
  if (!CONSUMER_NAME.test(consumer)) {
    throw new Error(`Consumer name "${consumer}" must be lowercase letters, digits and hyphens`);
  }
}

/** AMQP topic matching: `*` matches exactly one word, `#` zero or more. */
export function matchesTopic(pattern: string, routingKey: string): boolean {
  return matchWords(pattern.split('.'), 0, routingKey.split('.'), 0);
}

function matchWords(pattern: string[], p: number, words: string[], w: number): boolean {
  if (p === pattern.length) return w === words.length;
  const token = pattern[p];
  if (token === '#') {
    for (let skip = w; skip <= words.length; skip += 1) {
      if (matchWords(pattern, p + 1, words, skip)) return true;
    }
    return false;
  }
  if (w === words.length) return false;
  return (token === '*' || token === words[w]) && matchWords(pattern, p + 1, words, w + 1);
}
