import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { lastLines, waitUntilGone } from './processes.js';
import { exitText } from './restarts.js';

/** One run of the postmaster, from spawn to exit: postgres.ts starts one again when one dies. */
export interface PostgresServer {
  pid: number;
  /** Resolves once connections are accepted; rejects when it exits first or takes too long. */
  ready: Promise<void>;
  /** Resolves to how it ended: "SIGKILL", "exit code 1", or a spawn error. */
  exit: Promise<string>;
  isExited(): boolean;
  stop(force?: boolean): Promise<void>;
}

export interface ServerOptions {
  /** The `postgres` binary. */
  binary: string;
  dataDir: string;
  port: number;
  logFile: string;
  /** As root: the data directory's owner, whom PostgreSQL runs as. */
  asUser: { uid?: number; gid?: number };
  readyTimeoutMs: number;
}

/** The lines of postmaster.pid: pid, data directory, start time, port, socket dir, host, shm, status. */
export async function readPidFile(dataDir: string): Promise<string[] | null> {
  try {
    return (await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return null;
  }
}

export async function logTail(file: string, count = 8): Promise<string[]> {
  return lastLines(await readFile(file, 'utf8').catch(() => ''), count);
}

/**
 * Spawns the postmaster in its own session (a Ctrl-C in the terminal reaches only the launcher,
 * which stops the services first and PostgreSQL last), its output appended to the log file.
 */
export function spawnServer(options: ServerOptions): PostgresServer {
  const { dataDir, port, logFile } = options;
  const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'];
  args.push('-c', 'unix_socket_directories=', '-c', 'max_connections=300');
  const logFd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(options.binary, args, {
      ...options.asUser,
      detached: true,
      stdio: ['ignore', logFd, logFd],
    });
  } finally {
    closeSync(logFd);
  }
  let exited = false;
  const exit = new Promise<string>((resolve) => {
    child.once('exit', (code, sig) => {
      exited = true;
      resolve(exitText(code, sig));
    });
    child.once('error', (error) => {
      exited = true;
      resolve(error.message);
    });
  });

  const stop = async (force = false): Promise<void> => {
    if (exited || child.pid === undefined) return;
    // SIGINT is PostgreSQL's "fast" shutdown: clients are disconnected, data is checkpointed.
    child.kill(force ? 'SIGQUIT' : 'SIGINT');
    if (await waitUntilGone(() => !exited, force ? 5_000 : 30_000)) return;
    child.kill('SIGKILL');
    await waitUntilGone(() => !exited, 5_000);
  };

  // postmaster.pid's eighth line reads "ready" once connections are accepted (what pg_ctl -w reads).
  const waitReady = async (): Promise<void> => {
    const deadline = Date.now() + options.readyTimeoutMs;
    for (;;) {
      if (exited) {
        const description = await exit;
        const log = (await logTail(logFile)).join(' | ');
        throw new Error(`PostgreSQL exited while starting (${description}): ${log}`);
      }
      const lines = await readPidFile(dataDir);
      if (Number(lines?.[0]) === child.pid && lines?.[7]?.trim() === 'ready') return;
      if (Date.now() > deadline) {
        await stop(true);
        const seconds = options.readyTimeoutMs / 1000;
        throw new Error(`PostgreSQL did not become ready within ${seconds} s; see ${logFile}`);
      }
      await sleep(25);
    }
  };
  const ready = waitReady();
  // Whoever awaits `ready` sees the failure; this only keeps it from being unhandled meanwhile.
  ready.catch(() => undefined);
  return { pid: child.pid ?? 0, ready, exit, isExited: () => exited, stop };
}
