import type { ConfirmChannel, ConsumeMessage } from 'amqplib';

/** Small amqplib channel helpers of the consumer, for the failure cases amqplib leaves open. */

/**
 * Waiting for a channel lasts as long as the broker is down; closing the subscription must not.
 * A channel that arrives after the abort is closed straight away.
 */
export async function abortable(
  promise: Promise<ConfirmChannel>,
  signal: AbortSignal,
): Promise<ConfirmChannel> {
  let onAbort = (): void => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = (): void => reject(new Error('Subscription closed'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  promise.then(
    (channel) => {
      if (signal.aborted) channel.close().catch(() => undefined);
    },
    () => undefined,
  );
  try {
    return await Promise.race([promise, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Also ends on abort: a channel whose close handshake is never answered never emits 'close'. */
export function untilClosedOrAborted(channel: ConfirmChannel, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    channel.once('close', done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Headers RabbitMQ maintains itself on dead-lettering; copying them would only confuse it. */
export function ownHeaders(headers: Record<string, unknown> | undefined): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (
      !key.startsWith('x-death') &&
      !key.startsWith('x-first-death') &&
      !key.startsWith('x-last-death')
    ) {
      copy[key] = value;
    }
  }
  return copy;
}

/**
 * Acks or requeues, ignoring a channel that has closed meanwhile: the broker then requeues the
 * message itself, and the inbox makes the redelivery harmless.
 */
export function settle(
  channel: ConfirmChannel,
  message: ConsumeMessage,
  how: 'ack' | 'requeue',
): void {
  try {
    if (how === 'ack') channel.ack(message);
    else channel.nack(message, false, true);
  } catch {
    // IllegalOperationError: channel closed.
  }
}
