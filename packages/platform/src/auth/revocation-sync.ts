import { z } from 'zod';
import { ServiceClient } from '../client/service-client.js';
import type { Logger } from '../logger/logger.js';
import type { UserRevocationList } from './revocation.js';
import { ServiceTokenClient } from './service-token-client.js';

export interface Revocation {
  userId: string;
  validAfter: string;
  /** Only this session's tokens (the `sid` claim) when set; every token of the user when not. */
  sessionId?: string | undefined;
}

export interface RevocationSyncOptions {
  list: UserRevocationList;
  /** Revocations newer than `since` (ISO), or the recent ones when `since` is undefined. */
  fetchSince: (since: string | undefined) => Promise<Revocation[]>;
  intervalMs: number;
  logger: Logger;
}

const OVERLAP_MS = 60_000;

const feedSchema = z.object({
  data: z.array(
    z.object({
      userId: z.string(),
      validAfter: z.iso.datetime(),
      sessionId: z.string().optional(),
    }),
  ),
});

/**
 * Keeps a verifier's revocation list in step with auth: every few seconds it asks for the users
 * whose tokens were revoked since the last answer. A suspension, deletion or password reset thus
 * reaches every verifier within one interval. Polling (rather than an event queue) needs no
 * per-instance queue and picks up everything still relevant after a restart. While auth is
 * unreachable the list keeps what it knows and the next poll catches up.
 */
export class RevocationSync {
  private cursor: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private failing = false;
  private reachedOnce = false;

  constructor(private readonly options: RevocationSyncOptions) {}

  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One poll; resolves when the list is updated (tests and start-up use it directly). */
  async syncOnce(): Promise<number> {
    // Ask again for the last minute each time: a revocation stamped before the cursor can commit
    // after it was read (and equal stamps are common, as they are whole seconds). Re-reading one
    // is harmless, since the list keeps the latest time per user.
    const since = this.cursor
      ? new Date(Date.parse(this.cursor) - OVERLAP_MS).toISOString()
      : undefined;
    const revocations = await this.options.fetchSince(since);
    for (const { userId, validAfter, sessionId } of revocations) {
      if (sessionId !== undefined)
        this.options.list.revokeSessionBefore(sessionId, new Date(validAfter));
      else this.options.list.revokeBefore(userId, new Date(validAfter));
      if (!this.cursor || validAfter > this.cursor) this.cursor = validAfter;
    }
    // Nothing older than a token's lifetime matters any more.
    this.options.list.prune(new Date(Date.now() - 60 * 60 * 1000));
    return revocations.length;
  }

  private tick(): Promise<void> {
    this.running ??= this.syncOnce()
      .then(() => {
        if (this.failing) this.options.logger.info('token revocation feed reachable again');
        this.failing = false;
        this.reachedOnce = true;
      })
      .catch((error: unknown) => {
        // One line per outage, without a stack. Before the feed was ever reached it is auth
        // still starting (routine: info); after, auth went away (worth a warning).
        if (!this.failing) {
          const reason = (error as Error).message;
          const level = this.reachedOnce ? 'warn' : 'info';
          this.options.logger[level]({ reason }, 'token revocation feed unreachable; retrying');
        }
        this.failing = true;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}

/** The feed from auth's internal route, called with a service token (audience `auth`). */
export function authRevocationFeed(options: {
  authUrl: string;
  clientId: string;
  clientSecret: string;
  logger: Logger;
  timeoutMs?: number;
}): {
  fetchSince: (since: string | undefined) => Promise<Revocation[]>;
  close: () => Promise<void>;
} {
  const tokens = new ServiceTokenClient({
    authUrl: options.authUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    audience: 'auth',
  });
  const client = new ServiceClient({
    name: 'auth',
    baseUrl: options.authUrl,
    timeoutMs: options.timeoutMs ?? 2_000,
    getToken: tokens.getToken,
    logger: options.logger,
  });
  return {
    fetchSince: async (since) => {
      const response = await client.get('/internal/token-revocations', {
        ...(since ? { query: { since } } : {}),
        schema: feedSchema,
      });
      if (!response.ok) {
        if (response.status === 401) tokens.invalidate();
        throw new Error(`revocation feed answered ${response.status}`);
      }
      return response.body.data;
    },
    close: () => client.close(),
  };
}
