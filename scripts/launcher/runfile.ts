import { readFile, rm, writeFile } from 'node:fs/promises';
import { out } from './output.js';
import { commandLineOf, isAlive, isGroupAlive, signal, waitUntilGone } from './processes.js';

/**
 * `.data/launcher.json` records the running launcher and its children. A launcher killed with
 * SIGKILL cannot stop its children; the next one finds them here and stops them before it starts.
 */
interface RunRecord {
  pid: number;
  children: Array<{ name: string; pid: number; marker: string }>;
}

async function read(file: string): Promise<RunRecord | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as RunRecord;
  } catch {
    return null;
  }
}

export class AnotherLauncherError extends Error {
  constructor(pid: number) {
    super(`another launcher (pid ${pid}) is running from this folder: stop it first`);
    this.name = 'AnotherLauncherError';
  }
}

/** Throws when a live launcher owns the record; otherwise stops the children it left behind. */
export async function reclaim(file: string, log: (message: string) => void): Promise<void> {
  const record = await read(file);
  if (!record) return;
  if (record.pid !== process.pid && isAlive(record.pid)) {
    const command = await commandLineOf(record.pid);
    if (command?.includes('start.ts')) throw new AnotherLauncherError(record.pid);
  }
  await Promise.all((record.children ?? []).map((child) => stopLeftover(child, log)));
  await rm(file, { force: true });
}

async function stopLeftover(
  child: RunRecord['children'][number],
  log: (m: string) => void,
): Promise<void> {
  if (!isAlive(child.pid)) return;
  // The pid must still be that child (pids are reused): its command line names its script.
  const command = await commandLineOf(child.pid);
  if (!command?.includes(child.marker)) return;
  log(`stopping ${child.name} (pid ${child.pid}) left running by an earlier launcher`);
  signal(-child.pid, 'SIGTERM');
  if (!(await waitUntilGone(() => isGroupAlive(child.pid), 10_000))) {
    signal(-child.pid, 'SIGKILL');
    await waitUntilGone(() => isGroupAlive(child.pid), 5_000);
  }
}

export async function record(file: string, children: RunRecord['children']): Promise<void> {
  await writeFile(file, `${JSON.stringify({ pid: process.pid, children }, null, 2)}\n`);
}

export async function release(file: string): Promise<void> {
  await rm(file, { force: true });
}

/**
 * Writes the record one write at a time (a restart rewrites it while the launcher runs), and
 * removes it once the last write is done.
 */
export class RunFileWriter {
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  write(children: RunRecord['children']): Promise<void> {
    this.last = this.last
      .then(() => record(this.file, children))
      .catch((error: unknown) => out.warn(`could not write ${this.file}: ${String(error)}`));
    return this.last;
  }

  async release(): Promise<void> {
    await this.last;
    await release(this.file);
  }
}
