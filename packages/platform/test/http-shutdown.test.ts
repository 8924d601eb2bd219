import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHttpApp, type HttpApp } from '@slotwise/platform/http';
import { createLogger } from '@slotwise/platform/logger';
import { httpShutdownSteps } from '@slotwise/platform/service';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
}

describe('an HTTP server shutting down gracefully', () => {
  let app: HttpApp;
  let port: number;
  /** One keep-alive connection at a time, as a balancer's pool keeps them. */
  let agent: Agent;
  let served: number;

  beforeEach(async () => {
    app = await createHttpApp({
      service: 'demo',
      logger: createLogger({ service: 'demo', level: 'silent' }),
    });
    served = 0;
    app.post('/work', async (req) => {
      await sleep(Number((req.query as { ms?: string }).ms ?? 0));
      served += 1;
      return { ok: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
  });
  afterEach(async () => {
    agent.destroy();
    await app.close();
  });

  const send = (method: string, path: string): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      });
      req.on('error', reject);
      req.end();
    });

  it('turns readiness off, serves through the drain closing each connection after its answer, then refuses', async () => {
    expect((await send('POST', '/work')).headers.connection).toBe('keep-alive');
    const steps = httpShutdownSteps(app, 1_000);
    expect(steps.map((step) => step.name)).toEqual(['readiness', 'drain', 'http']);
    const stopped = (async () => {
      for (const step of steps) await step.run();
    })();

    expect((await send('GET', '/health/ready')).status).toBe(503);
    // Still served, on the kept-alive connection and then on new ones: each one closed after.
    const during = [await send('POST', '/work'), await send('POST', '/work')];
    expect(during.map((answer) => [answer.status, answer.headers.connection])).toEqual([
      [200, 'close'],
      [200, 'close'],
    ]);
    // Begun in the drain, it outlasts it: closing waits for its answer.
    const inFlight = send('POST', '/work?ms=1200');
    await stopped;
    expect((await inFlight).status).toBe(200);
    expect(served).toBe(4);
    await expect(send('POST', '/work')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
