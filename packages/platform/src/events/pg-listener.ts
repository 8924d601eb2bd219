import type pg from 'pg';
import type { Logger } from '../logger/index.js';
import { backoffDelay, DEFAULT_BACKOFF, sleep, type BackoffOptions } from './backoff.js';

export interface PgListenerOptions {
  pool: pg.Pool;
  channel: string;
  logger: Logger;
  /** Called for every notification on the channel, and once after each (re)connection. */
  onNotify: (payload: string) => void;
  backoff?: BackoffOptions;
}

export interface PgListener {
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Keeps one pooled connection LISTENing on `channel`, reconnecting with backoff when it drops.
 * Notifications sent while it is disconnected are lost, which is why it also fires once after
 * every (re)connection: the caller then looks for work it may have missed. Never rejects.
 */
export function startPgListener(options: PgListenerOptions): PgListener {
  if (!CHANNEL.test(options.channel)) throw new Error(`Bad channel name ${options.channel}`);
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const abort = new AbortController();
  let dropCurrent: (() => void) | undefined;

  const listenOnce = async (): Promise<boolean> => {
    const client = await options.pool.connect();
    let connected = false;
    try {
      await new Promise<void>((resolve, reject) => {
        dropCurrent = resolve;
        // A checked-out pg client without an 'error' listener crashes the process when its
        // connection breaks.
        client.on('error', (error) => (connected ? resolve() : reject(error)));
        client.on('end', () => resolve());
        client.on('notification', (message) => {
          if (message.channel === options.channel) options.onNotify(message.payload ?? '');
        });
        client.query(`LISTEN ${options.channel}`).then(() => {
          connected = true;
          options.onNotify('');
        }, reject);
        if (abort.signal.aborted) resolve();
      });
      return connected;
    } finally {
      dropCurrent = undefined;
      // Destroy rather than return it: it carries LISTEN state the pool knows nothing about.
      client.release(true);
    }
  };

  const run = async (): Promise<void> => {
    let attempt = 0;
    while (!abort.signal.aborted) {
      try {
        if (await listenOnce()) attempt = 0;
      } catch (error) {
        options.logger.debug({ err: error, channel: options.channel }, 'LISTEN connection failed');
      }
      if (abort.signal.aborted) break;
      attempt += 1;
      await sleep(backoffDelay(attempt, backoff), abort.signal);
    }
  };

  const running = run();
  return {
    async close(): Promise<void> {
      abort.abort();
      dropCurrent?.();
      await running;
    },
  };
}
