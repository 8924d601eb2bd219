import type { FastifyInstance } from 'fastify';
import type { UpstreamGroup } from '../proxy/upstream-group.js';

interface ServiceHealth {
  status: 'ok' | 'down';
  latencyMs: number;
}

async function probe(group: UpstreamGroup, timeoutMs: number): Promise<ServiceHealth> {
  const started = performance.now();
  try {
    const response = await group.request(
      { method: 'GET', path: '/health/ready', headers: {} },
      AbortSignal.timeout(timeoutMs),
    );
    response.body.resume();
    return {
      status: response.statusCode === 200 ? 'ok' : 'down',
      latencyMs: Math.round(performance.now() - started),
    };
  } catch {
    return { status: 'down', latencyMs: Math.round(performance.now() - started) };
  }
}

/** API.md's `GET /health`: every upstream's readiness with its latency; 503 when any is down. */
export function registerHealthRoute(
  app: FastifyInstance,
  upstreams: { name: string; group: UpstreamGroup }[],
  timeoutMs = 2_000,
): void {
  app.get('/health', { schema: { hide: true } }, async (_request, reply) => {
    const results = await Promise.all(upstreams.map(({ group }) => probe(group, timeoutMs)));
    const services = Object.fromEntries(upstreams.map(({ name }, i) => [name, results[i]]));
    const ok = app.readiness.isReady && results.every((result) => result.status === 'ok');
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'down', services });
  });
}
