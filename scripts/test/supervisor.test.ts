import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { isAlive } from '../launcher/processes.js';
import { RestartTracker, type RestartPolicy } from '../launcher/restarts.js';
import { Supervisor, type ChildGiveUp, type ChildSpec } from '../launcher/supervisor.js';

const POLICY: RestartPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  resetAfterHealthyMs: 60_000,
  giveUpAfterCrashes: 5,
  giveUpWindowMs: 60_000,
};

function clock(): { now: () => number; advance: (ms: number) => void } {
  let time = 1_000_000;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('restart policy', () => {
  it('doubles the delay after each crash in a row, up to the maximum', () => {
    const time = clock();
    const tracker = new RestartTracker(POLICY, time.now);
    tracker.markHealthy();
    const delays = Array.from({ length: 9 }, () => {
      time.advance(1_000);
      const decision = tracker.crashed();
      return decision.action === 'restart' ? decision.delayMs : null;
    });
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(tracker.restartCount).toBe(9);
  });

  it('starts again from the shortest delay once the process was healthy for a minute', () => {
    const time = clock();
    const tracker = new RestartTracker(POLICY, time.now);
    tracker.markHealthy();
    tracker.crashed();
    tracker.crashed();
    tracker.markHealthy();
    time.advance(59_000);
    expect(tracker.crashed()).toMatchObject({ delayMs: 2_000, restart: 3 });
    tracker.markHealthy();
    time.advance(60_000);
    expect(tracker.crashed()).toMatchObject({ action: 'restart', delayMs: 500, restart: 4 });
  });

  it('gives up on the fifth crash within a minute before the process was ever healthy', () => {
    const time = clock();
    const tracker = new RestartTracker(POLICY, time.now);
    const actions = Array.from({ length: 5 }, () => {
      time.advance(5_000);
      return tracker.crashed().action;
    });
    expect(actions).toEqual(['restart', 'restart', 'restart', 'restart', 'give-up']);
  });

  it('keeps restarting a process that crashes slowly, or that was healthy once', () => {
    const slow = clock();
    const slowTracker = new RestartTracker(POLICY, slow.now);
    for (let i = 0; i < 10; i++) {
      slow.advance(20_000);
      expect(slowTracker.crashed().action).toBe('restart');
    }
    const time = clock();
    const tracker = new RestartTracker(POLICY, time.now);
    tracker.markHealthy();
    for (let i = 0; i < 10; i++) expect(tracker.crashed().action).toBe('restart');
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no address');
  return address.port;
}

async function until<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const FAST: RestartPolicy = { ...POLICY, initialDelayMs: 20, maxDelayMs: 100 };

function nodeChild(name: string, code: string, extra: Partial<ChildSpec> = {}): ChildSpec {
  return {
    name,
    command: process.execPath,
    args: ['-e', code],
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '' },
    ...extra,
  };
}

describe('supervised children that exit unexpectedly', () => {
  let supervisor: Supervisor | undefined;
  afterEach(async () => {
    supervisor?.stopRestarting();
    await supervisor?.stop(['server', 'crasher'], 2_000);
    supervisor = undefined;
  });

  it('restarts a child killed with SIGKILL, which serves again under a new pid', async () => {
    const port = await freePort();
    const restarted: number[] = [];
    supervisor = new Supervisor({
      format: 'pretty',
      policy: FAST,
      onGiveUp: () => undefined,
      onRestarted: (_name, pid) => restarted.push(pid),
    });
    const serve = `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`;
    const first = supervisor.start(
      nodeChild('server', serve, { healthUrl: `http://127.0.0.1:${port}/` }),
    );
    process.kill(first, 'SIGKILL');
    const second = await until('the restart', () => restarted[0]);
    expect(second).not.toBe(first);
    expect(supervisor.pids()).toEqual([expect.objectContaining({ name: 'server', pid: second })]);
    const answer = await until('the restarted child to answer', () =>
      fetch(`http://127.0.0.1:${port}/`).then(
        (response) => response.text(),
        () => undefined,
      ),
    );
    expect(answer).toBe('ok');
  });

  it('does not restart a child that dies once the launcher is stopping', async () => {
    const restarted: number[] = [];
    supervisor = new Supervisor({
      format: 'pretty',
      policy: FAST,
      onGiveUp: () => undefined,
      onRestarted: (_name, pid) => restarted.push(pid),
    });
    const pid = supervisor.start(nodeChild('server', 'setInterval(() => {}, 1000)'));
    supervisor.stopRestarting();
    process.kill(pid, 'SIGKILL');
    await until('the child to be gone', () => !isAlive(pid) && !supervisor!.isRunning('server'));
    await supervisor.stop(['server'], 2_000);
    expect(restarted).toEqual([]);
  });

  it('gives up on a child that crashes at start again and again, with its last lines', async () => {
    let giveUp: ChildGiveUp | undefined;
    const restarted: number[] = [];
    supervisor = new Supervisor({
      format: 'pretty',
      policy: FAST,
      onGiveUp: (report) => (giveUp = report),
      onRestarted: (_name, pid) => restarted.push(pid),
    });
    supervisor.start(
      nodeChild('crasher', 'console.error("DATABASE_URL must be a URL"); process.exit(3)'),
    );
    const report = await until('the give-up', () => giveUp);
    expect(report).toMatchObject({
      name: 'crasher',
      crashes: 5,
      description: 'exit code 3',
      lastLines: ['DATABASE_URL must be a URL'],
    });
    expect(restarted).toHaveLength(4);
    expect(supervisor.isRunning('crasher')).toBe(false);
  });
});
