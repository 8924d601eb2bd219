import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The launcher's records of what it started: pids of its children, and PostgreSQL's. */
export interface Started {
  groups: number[];
  /** The launcher's name of each child group (gateway, auth, …). */
  names: Record<number, string>;
  postgresPid: number | null;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

export async function readStarted(dataDir: string): Promise<Started> {
  const groups: number[] = [];
  const names: Record<number, string> = {};
  try {
    const record = JSON.parse(await readFile(join(dataDir, 'launcher.json'), 'utf8')) as {
      children?: Array<{ pid: number; name?: string }>;
    };
    for (const child of record.children ?? []) {
      groups.push(child.pid);
      if (child.name) names[child.pid] = child.name;
    }
  } catch {
    // No record (yet).
  }
  const pidFile = await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').catch(
    () => '',
  );
  const postgresPid = Number(pidFile.split('\n')[0]);
  return {
    groups,
    names,
    postgresPid: Number.isInteger(postgresPid) && postgresPid > 0 ? postgresPid : null,
  };
}

export async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return Promise.race([
    new Promise<boolean>((done) => child.once('exit', () => done(true))),
    sleep(ms).then(() => false),
  ]);
}

export function mergeStarted(a: Started, b: Started): Started {
  return {
    groups: [...new Set([...a.groups, ...b.groups])],
    names: { ...a.names, ...b.names },
    postgresPid: b.postgresPid ?? a.postgresPid,
  };
}
