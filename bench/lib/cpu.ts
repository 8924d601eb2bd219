import { readdirSync, readFileSync } from 'node:fs';

/**
 * How much CPU the rest of the machine took during a scenario: everything (PostgreSQL, services,
 * gateway, autocannon) shares 2 cores, so another process's load shows up in the numbers. Linux
 * only (/proc); elsewhere the figure is null.
 */
export interface CpuSnapshot {
  at: number;
  /** Busy ticks of all cores (user, nice, system, irq, softirq, steal). */
  busy: number;
  /** Ticks of the benchmark's own processes: in its process groups, or children of their leaders. */
  ours: number;
}

const TICKS_PER_SECOND = 100;

function fieldsOf(pid: string): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp …": comm may hold spaces, so split after the last ')'.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Our own process group: this runner (and autocannon in it), npm above it. */
export function ownGroup(): number {
  return Number(fieldsOf(String(process.pid))?.[2] ?? process.pid);
}

export function cpuSnapshot(groups: ReadonlySet<number>): CpuSnapshot | null {
  if (process.platform !== 'linux') return null;
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    let ours = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const fields = fieldsOf(entry);
      // [1] is the parent, [2] the process group, [11] and [12] utime and stime (fields 4, 5, 14
      // and 15 of stat). A PostgreSQL backend leads a group of its own: its parent, the
      // postmaster, makes it ours.
      if (fields && (groups.has(Number(fields[2])) || groups.has(Number(fields[1]))))
        ours += Number(fields[11]) + Number(fields[12]);
    }
    return { at: Date.now(), busy: user + nice + system + irq + softirq + steal, ours };
  } catch {
    return null;
  }
}

/**
 * Cores the rest of the machine kept busy on average between two snapshots. Slightly high when
 * one of our processes ended in between (a PostgreSQL backend): its time is then counted as others'.
 */
export function otherCores(before: CpuSnapshot | null, after: CpuSnapshot | null): number | null {
  if (!before || !after || after.at <= before.at) return null;
  const seconds = (after.at - before.at) / 1000;
  const others = after.busy - before.busy - (after.ours - before.ours);
  return Math.max(0, Math.round((others / TICKS_PER_SECOND / seconds) * 100) / 100);
}

/** Above this many cores taken by other processes, a scenario's numbers are marked as disturbed. */
export const NOISY_CORES = 0.25;

/**
 * Waits (up to `maxSeconds`) until other processes have used less than NOISY_CORES for two
 * seconds in a row; returns the last reading. Not a guarantee: they may start again mid-run.
 */
export async function waitForQuiet(
  groups: ReadonlySet<number>,
  maxSeconds: number,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<number | null> {
  const deadline = Date.now() + maxSeconds * 1000;
  let reading: number | null = null;
  let told = false;
  for (;;) {
    const before = cpuSnapshot(groups);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    reading = otherCores(before, cpuSnapshot(groups));
    if (reading === null || reading < NOISY_CORES || Date.now() >= deadline || signal?.aborted)
      return reading;
    if (!told) log(`other processes use ${reading} cores: waiting up to ${maxSeconds} s for quiet`);
    told = true;
  }
}

/** Who is who among the processes: the platform's groups by name, PostgreSQL, the runner. */
export interface ProcessMap {
  names: ReadonlyMap<number, string>;
  postgresPid: number | null;
  ownGroup: number;
}

/** CPU ticks so far of each named part of the benchmark (PostgreSQL's backends included). */
export interface CpuByName {
  at: number;
  ticks: Map<string, number>;
}

export function cpuByName(map: ProcessMap): CpuByName | null {
  if (process.platform !== 'linux') return null;
  const ticks = new Map<string, number>();
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const fields = fieldsOf(entry);
      if (!fields) continue;
      const [parent, group] = [Number(fields[1]), Number(fields[2])];
      const pid = Number(entry);
      const name =
        map.postgresPid !== null && (pid === map.postgresPid || parent === map.postgresPid)
          ? 'postgres'
          : group === map.ownGroup
            ? 'runner'
            : (map.names.get(group) ?? map.names.get(parent));
      if (name) ticks.set(name, (ticks.get(name) ?? 0) + Number(fields[11]) + Number(fields[12]));
    }
    return { at: Date.now(), ticks };
  } catch {
    return null;
  }
}

/** Cores each part used on average between two readings, busiest first. */
export function coresByName(
  before: CpuByName | null,
  after: CpuByName | null,
): Record<string, number> | null {
  if (!before || !after || after.at <= before.at) return null;
  const seconds = (after.at - before.at) / 1000;
  const cores = [...after.ticks].map(([name, ticks]): [string, number] => {
    const used = Math.max(0, ticks - (before.ticks.get(name) ?? 0));
    return [name, Math.round((used / TICKS_PER_SECOND / seconds) * 100) / 100];
  });
  return Object.fromEntries(cores.sort((a, b) => b[1] - a[1]));
}

/** Below this many cores the platform counts as idle (its timers and pollers use a little). */
export const IDLE_CORES = 0.15;

/**
 * Waits (up to `maxSeconds`) until the platform itself has used less than IDLE_CORES for two
 * seconds: the work a scenario's set-up or previous run left behind (events relayed, mails sent)
 * must not count against the next run. Returns the seconds waited.
 */
export async function waitForIdle(
  platformGroups: ReadonlySet<number>,
  maxSeconds: number,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<number> {
  const started = Date.now();
  const deadline = started + maxSeconds * 1000;
  let told = false;
  for (;;) {
    const before = cpuSnapshot(platformGroups);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after = cpuSnapshot(platformGroups);
    if (!before || !after) return 0;
    const busy = (after.ours - before.ours) / TICKS_PER_SECOND / ((after.at - before.at) / 1000);
    const waited = Math.round((Date.now() - started) / 1000);
    if (busy < IDLE_CORES || Date.now() >= deadline || signal?.aborted) {
      if (told)
        log(`the platform is ${busy < IDLE_CORES ? 'idle' : 'still busy'} after ${waited} s`);
      return waited;
    }
    if (!told)
      log(`the platform still uses ${busy.toFixed(2)} cores (leftover work): waiting for it`);
    told = true;
  }
}
