import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPortFree } from '../launcher/ports.js';
import { isAlive, signal } from '../launcher/processes.js';
import { ALL_SERVICES } from '../launcher/services.js';

/**
 * `npm start` itself, as a child process on ports of its own with a fresh embedded PostgreSQL:
 * kill what it runs and watch it bring everything back. Starting it costs 20–30 s (more when the
 * services' build is out of date: the launcher builds them first).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN = { email: 'admin@supervision.test', password: 'supervision-admin-password' };

interface Block {
  base: number;
  ports: Record<string, number>;
}

/** A block of ports like the defaults (gateway +0, auth +1, …) of which none is in use. */
async function freeBlock(): Promise<Block> {
  for (const base of [23000, 23500, 24000, 24500, 26000, 26500, 27000]) {
    const ports: Record<string, number> = {
      ...Object.fromEntries(ALL_SERVICES.map((s) => [s.portVar, base + s.defaultPort - 3000])),
      MAILDEV_SMTP_PORT: base + 25,
      MAILDEV_WEB_PORT: base + 80,
      EMBEDDED_POSTGRES_PORT: base + 329,
    };
    const free = await Promise.all(Object.values(ports).map((port) => isPortFree(port)));
    if (free.every(Boolean)) return { base, ports };
  }
  throw new Error('no free block of ports for the launcher');
}

async function until<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | undefined | false> | T | undefined | false,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs / 1000} s: ${what}`);
    await sleep(50);
  }
}

interface Answer {
  status: number;
  body: unknown;
  retryAfter: string | null;
}

async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: kept as text for the failure message.
    }
    return { status: response.status, body, retryAfter: response.headers.get('retry-after') };
  } catch (error) {
    return { status: 0, body: (error as Error).message, retryAfter: null };
  }
}

/** Sends the requests over and over, a few at a time, until stopped; keeps every non-2xx. */
function load(requests: Array<() => Promise<Answer>>): {
  stop: () => Promise<{ sent: number; failures: string[] }>;
} {
  let running = true;
  let sent = 0;
  const failures: string[] = [];
  const loops = requests.map(async (request) => {
    while (running) {
      const answer = await request();
      sent += 1;
      if (answer.status < 200 || answer.status > 299)
        failures.push(`${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return { sent, failures };
    },
  };
}

describe('the launcher supervising the platform (npm start)', () => {
  let dataDir: string;
  let gateway: string;
  let launcher: ChildProcess;
  let exited: Promise<number | null>;
  const output: string[] = [];
  const tail = () => output.slice(-40).join('\n');
  const printed = (pattern: RegExp) => output.some((line) => pattern.test(line));
  const children = async (): Promise<Record<string, number>> => {
    const record = JSON.parse(await readFile(join(dataDir, 'launcher.json'), 'utf8')) as {
      children: Array<{ name: string; pid: number }>;
    };
    return Object.fromEntries(record.children.map((child) => [child.name, child.pid]));
  };
  const postmasterPid = async () =>
    Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);

  beforeAll(async () => {
    const block = await freeBlock();
    gateway = `http://127.0.0.1:${block.base}`;
    dataDir = await mkdtemp(join(tmpdir(), 'slotwise-launcher-test-'));
    // As root, PostgreSQL runs as another user, who must be able to enter it.
    await chmod(dataDir, 0o755);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      NO_COLOR: '1',
      LOG_LEVEL: 'warn',
      SLOTWISE_DATA_DIR: dataDir,
      READY_TIMEOUT_SECONDS: '240',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_MAX: '1000000',
      RATE_LIMIT_AUTH_MAX: '1000000',
      ...Object.fromEntries(Object.entries(block.ports).map(([name, p]) => [name, String(p)])),
    };
    launcher = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'start.ts')], {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => launcher.once('exit', (code) => resolve(code)));
    for (const stream of [launcher.stdout, launcher.stderr]) {
      createInterface({ input: stream!, crlfDelay: Infinity }).on('line', (line) =>
        output.push(line),
      );
    }
    await until(`the gateway to be healthy\n${tail()}`, 280_000, async () => {
      if (launcher.exitCode !== null) throw new Error(`the launcher exited:\n${tail()}`);
      return (await call(`${gateway}/health`)).status === 200;
    });
  }, 300_000);

  afterAll(async () => {
    if (launcher && launcher.exitCode === null) {
      const pids = await children().catch(() => ({}));
      signal(launcher.pid!, 'SIGINT');
      const stopped = await Promise.race([exited.then(() => true), sleep(60_000, false)]);
      if (!stopped) {
        signal(-launcher.pid!, 'SIGKILL');
        for (const pid of Object.values(pids)) signal(-pid, 'SIGKILL');
      }
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 90_000);

  it('restarts a service killed with SIGKILL: its routes answer 503 meanwhile, the others keep serving', async () => {
    const login = await until('the admin to log in', 30_000, async () => {
      const answer = await call(`${gateway}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: ADMIN.email, password: ADMIN.password }),
      });
      return answer.status === 200
        ? (answer.body as { data: { accessToken: string } }).data
        : undefined;
    });
    const bearer = { authorization: `Bearer ${login.accessToken}` };
    const others = load([
      () => call(`${gateway}/api/auth/.well-known/jwks.json`),
      () => call(`${gateway}/api/bookings`, { headers: bearer }),
      () => call(`${gateway}/api/auth/me`, { headers: bearer }),
    ]);
    const killed = (await children()).business!;
    process.kill(killed, 'SIGKILL');

    const refused = await until('GET /api/businesses to answer 503', 15_000, async () => {
      const answer = await call(`${gateway}/api/businesses`);
      return answer.status === 503 ? answer : undefined;
    });
    expect(refused.body).toMatchObject({
      error: { code: 'SERVICE_UNAVAILABLE', message: expect.any(String) },
    });
    expect(refused.retryAfter).not.toBeNull();
    await until('GET /api/businesses to answer 200 again', 60_000, async () => {
      return (await call(`${gateway}/api/businesses`)).status === 200;
    });
    const { sent, failures } = await others.stop();
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(0);

    expect(printed(/business exited \(SIGKILL\); restarting in [\d.]+ s \(restart 1\)/)).toBe(true);
    await until('the launcher to say business is healthy again', 15_000, () =>
      printed(/business is healthy again \(restart 1/),
    );
    const restarted = (await children()).business!;
    expect(restarted).not.toBe(killed);
    expect(isAlive(restarted)).toBe(true);
  }, 120_000);

  it('restarts its embedded PostgreSQL killed with SIGKILL, and the services recover on their own', async () => {
    const killed = await postmasterPid();
    const statuses = new Set<number>();
    let watching = true;
    const watch = (async () => {
      while (watching) statuses.add((await call(`${gateway}/api/businesses`)).status);
    })();
    process.kill(killed, 'SIGKILL');

    await until('the launcher to say PostgreSQL is ready again', 90_000, () =>
      printed(/PostgreSQL is ready again/),
    );
    expect(printed(/PostgreSQL exited \(SIGKILL\); restarting in [\d.]+ s \(restart 1\)/)).toBe(
      true,
    );
    await until('GET /health to answer 200', 60_000, async () => {
      return (await call(`${gateway}/health`)).status === 200;
    });
    await until('GET /api/businesses to answer 200', 30_000, async () => {
      return (await call(`${gateway}/api/businesses`)).status === 200;
    });
    watching = false;
    await watch;
    // Meanwhile: served, or refused as unavailable; never an error of the service's own.
    expect([...statuses].filter((status) => status !== 200 && status !== 503)).toEqual([]);
    const restarted = await postmasterPid();
    expect(restarted).not.toBe(killed);
    expect(isAlive(restarted)).toBe(true);
  }, 180_000);

  it('stops everything on SIGINT with exit code 0, restarting nothing and leaving nothing running', async () => {
    const pids = [...Object.values(await children()), await postmasterPid()];
    const from = output.length;
    signal(launcher.pid!, 'SIGINT');
    const code = await Promise.race([exited, sleep(60_000, 'still running' as const)]);
    expect(code).toBe(0);
    const after = output.slice(from);
    expect(after.some((line) => /everything stopped/.test(line))).toBe(true);
    expect(after.filter((line) => /restarting in/.test(line))).toEqual([]);
    expect(pids.filter((pid) => isAlive(pid))).toEqual([]);
    expect(await isPortFree(Number(new URL(gateway).port))).toBe(true);
  }, 90_000);
});
