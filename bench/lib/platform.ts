import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { allPorts, isListening, type PortBlock } from './ports.js';
import {
  isAlive,
  kill,
  mergeStarted,
  readStarted,
  waitForExit,
  type Started,
} from './processes.js';

export interface PlatformOptions {
  rootDir: string;
  dataDir: string;
  ports: PortBlock;
  log: (line: string) => void;
  readyTimeoutMs?: number;
  /** Aborting it while the platform starts stops it and rejects. */
  signal?: AbortSignal;
  /** Deletes the data directory's postgres/ and maildev/ first: a fresh database. */
  fresh: boolean;
  /** The admin account the platform ensures at start (ADMIN_EMAIL / ADMIN_PASSWORD). */
  admin: { email: string; password: string };
  /** More variables for the launcher, which passes them on to every service. */
  extraEnv: Record<string, string>;
}

/** The launcher stopped before the platform was ready; `lines` is the end of its output. */
export class StartFailedError extends Error {
  constructor(
    message: string,
    readonly lines: string[],
  ) {
    super(message);
    this.name = 'StartFailedError';
  }
}

export interface RunningPlatform {
  gatewayUrl: string;
  maildevUrl: string;
  /** Process groups of the platform: the launcher's, each service's, PostgreSQL's. */
  groups: number[];
  /** A name for each of those groups: launcher, gateway, auth, …, postgres. */
  names: Map<number, string>;
  /** PostgreSQL's postmaster: its children are the backends. */
  postgresPid: number | null;
  /** SIGINT to the launcher's process group, then makes sure nothing of it is left. */
  stop(): Promise<string[]>;
}

/**
 * `node --import tsx scripts/start.ts` in its own process group, with a clean environment: only
 * PATH and HOME from ours, plus the port block, the data directory and the benchmark's settings.
 * Resolves once the gateway's GET /health answers 200.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const { ports, rootDir } = options;
  const dataDir = resolve(rootDir, options.dataDir);
  const busy = (await Promise.all(allPorts(ports).map(async (p) => [p, await isListening(p)])))
    .filter(([, open]) => open)
    .map(([port]) => port);
  if (busy.length > 0) throw new Error(`ports already in use: ${busy.join(', ')}`);

  // A fresh database and inbox each run: comparable runs, and migrations edited since the last
  // run (the tree is being worked on) cannot refuse to apply. Never the developer's own .data.
  if (dataDir === resolve(rootDir, '.data'))
    throw new Error(`${dataDir} is npm start's own folder`);
  if (options.fresh) {
    for (const dir of ['postgres', 'maildev'])
      await rm(join(dataDir, dir), { recursive: true, force: true });
  }
  await mkdir(dataDir, { recursive: true });
  const logFile = join(dataDir, 'bench-launcher.log');
  // A retried start appends, so the failed attempt's output stays readable.
  const logStream = createWriteStream(logFile, { flags: options.fresh ? 'w' : 'a' });
  const env: Record<string, string> = {
    ...options.extraEnv,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'production',
    NO_COLOR: '1',
    LOG_LEVEL: 'warn',
    SLOTWISE_DATA_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(ports.postgres),
    MAILDEV_SMTP_PORT: String(ports.maildevSmtp),
    MAILDEV_WEB_PORT: String(ports.maildevWeb),
    READY_TIMEOUT_SECONDS: '120',
    RATE_LIMIT_MAX: '1000000000',
    RATE_LIMIT_AUTH_MAX: '1000000000',
    RATE_LIMIT_BOOKING_MAX: '1000000000',
    ADMIN_EMAIL: options.admin.email,
    ADMIN_PASSWORD: options.admin.password,
    ...Object.fromEntries(Object.entries(ports.services).map(([name, p]) => [name, String(p)])),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', join(rootDir, 'scripts', 'start.ts')], {
    cwd: rootDir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the launcher');
  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      logStream.write(`${line}\n`);
      tail.push(line);
      if (tail.length > 40) tail.shift();
    });
  }
  let exited = false;
  child.once('exit', () => (exited = true));
  let started: Started = { groups: [], names: {}, postgresPid: null };

  let stopping: Promise<string[]> | undefined;
  const stop = (): Promise<string[]> => (stopping ??= stopOnce());
  const stopOnce = async (): Promise<string[]> => {
    const problems: string[] = [];
    started = mergeStarted(started, await readStarted(dataDir));
    if (!exited) {
      kill(-pid, 'SIGINT');
      if (!(await waitForExit(child, 60_000))) {
        problems.push('the launcher did not stop within 60 s after SIGINT: killed it');
        kill(-pid, 'SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    if (child.exitCode !== null && child.exitCode !== 0)
      problems.push(`the launcher exited with code ${child.exitCode}`);
    // Whatever it left (it should leave nothing): its children's groups, then PostgreSQL.
    for (const group of started.groups) {
      if (!isAlive(-group)) continue;
      problems.push(`process group ${group} outlived the launcher: killed it`);
      kill(-group, 'SIGKILL');
    }
    const pg = started.postgresPid;
    if (pg !== null && isAlive(pg)) {
      problems.push(`PostgreSQL (pid ${pg}) outlived the launcher: stopping it`);
      kill(pg, 'SIGINT');
      for (let i = 0; i < 100 && isAlive(pg); i++) await sleep(100);
      if (isAlive(pg)) kill(pg, 'SIGKILL');
    }
    await sleep(200);
    for (const port of allPorts(ports)) {
      if (await isListening(port)) problems.push(`port ${port} still answers after the stop`);
    }
    await new Promise<void>((done) => logStream.end(done));
    return problems;
  };

  const gatewayUrl = `http://127.0.0.1:${ports.services.GATEWAY_PORT}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 300_000);
  for (;;) {
    if (exited) {
      await stop();
      throw new StartFailedError(
        `the launcher exited before the platform was ready (log: ${logFile})`,
        tail,
      );
    }
    const status = await fetch(`${gatewayUrl}/health`, { signal: AbortSignal.timeout(2_000) })
      .then(async (response) => {
        await response.body?.cancel();
        return response.status;
      })
      .catch(() => 0);
    if (status === 200) break;
    if (options.signal?.aborted) {
      await stop();
      throw new Error('interrupted while the platform was starting');
    }
    if (Date.now() > deadline) {
      const problems = await stop();
      throw new Error(
        `GET /health did not answer 200 in time (last: ${status || 'no answer'}; log: ${logFile})\n  ${[...tail, ...problems].join('\n  ')}`,
      );
    }
    await sleep(250);
  }
  started = mergeStarted(started, await readStarted(dataDir));
  options.log(`platform is up (launcher pid ${pid}, log ${logFile})`);
  const { postgresPid } = started;
  const groups = [pid, ...started.groups, ...(postgresPid ? [postgresPid] : [])];
  const names = new Map<number, string>([[pid, 'launcher']]);
  for (const group of started.groups) names.set(group, started.names[group] ?? `pid ${group}`);
  if (postgresPid) names.set(postgresPid, 'postgres');
  const maildevUrl = `http://127.0.0.1:${ports.maildevWeb}`;
  return { gatewayUrl, maildevUrl, groups, names, postgresPid, stop };
}
