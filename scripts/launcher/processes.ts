import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, readlink } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/** Small helpers around PIDs that are not (or no longer) our children. */

/** State letter and process group of a pid, from /proc (Linux); null when there is no such pid. */
function procStat(pid: number): { state: string; pgrp: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so split after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', pgrp: Number(fields[2]) };
  } catch {
    return null;
  }
}

/**
 * Whether a process runs. A zombie does not: an orphan that exited stays one until the machine's
 * init reaps it, which some inits (in containers) do late, and kill(pid, 0) still succeeds on it.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(pid);
  return stat === null ? process.platform !== 'linux' : stat.state !== 'Z';
}

/** Whether any live (non-zombie) process is left in the process group `pgid`. */
export function isGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  if (process.platform !== 'linux') return true;
  return readdirSync('/proc').some((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    const stat = procStat(Number(entry));
    return stat !== null && stat.pgrp === pgid && stat.state !== 'Z';
  });
}

export function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}

/** Waits until `check()` is false, polling; true when it became false within `timeoutMs`. */
export async function waitUntilGone(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (check()) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

export async function commandLineOf(pid: number): Promise<string | null> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ').trim();
  } catch {
    return null;
  }
}

export async function linkOf(pid: number, link: 'exe' | 'cwd'): Promise<string | null> {
  try {
    return await readlink(`/proc/${pid}/${link}`);
  } catch {
    return null;
  }
}

/** The last `count` non-empty lines of a text. */
export function lastLines(text: string, count: number): string[] {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter(Boolean)
    .slice(-count);
}

/**
 * Best effort: a system that refuses leaves the child at normal priority. Linux schedules each
 * session's processes as one group ("autogroup"), and a nice value weighs only inside its group;
 * the child has a session of its own (`detached`), so its group is niced as well.
 */
export function lowerPriority(pid: number, niceness: number): void {
  try {
    setPriority(pid, niceness);
  } catch {
    // Not permitted here: normal priority.
  }
  if (process.platform !== 'linux') return;
  try {
    writeFileSync(`/proc/${pid}/autogroup`, String(niceness));
  } catch {
    // No autogroup scheduling in this kernel: the process's own nice value is what counts.
  }
}
