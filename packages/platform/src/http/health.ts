import type { FastifyInstance } from 'fastify';

export type HealthCheck = () => Promise<void>;

/** Whether the process should receive traffic; shutdown turns it off before closing the server. */
export class Readiness {
  private ready = true;
  get isReady(): boolean {
    return this.ready;
  }
  markNotReady(): void {
    this.ready = false;
  }
}

interface CheckResult {
  status: 'ok' | 'down';
  latencyMs: number;
  error?: string;
}

async function runCheck(check: HealthCheck, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'ok', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - started),
      // Only the error's class of failure; a connection string or host never leaves the process.
      error: (error as Error).message?.includes('timed out') ? 'timeout' : 'unavailable',
    };
  } finally {
    clearTimeout(timer);
  }
}

export function installHealthRoutes(
  app: FastifyInstance,
  checks: Record<string, HealthCheck>,
  readiness: Readiness,
  timeoutMs = 2_000,
): void {
  app.get('/health/live', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/health/ready', { schema: { hide: true } }, async (_request, reply) => {
    if (!readiness.isReady) return reply.status(503).send({ status: 'shutting_down', checks: {} });
    const names = Object.keys(checks);
    const results = await Promise.all(names.map((name) => runCheck(checks[name]!, timeoutMs)));
    const byName = Object.fromEntries(names.map((name, i) => [name, results[i]]));
    const ok = results.every((result) => result.status === 'ok');
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'down', checks: byName });
  });
}
