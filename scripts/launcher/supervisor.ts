import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { createInterface } from 'node:readline';
import { formatLogLine, type LogFormat } from './logs.js';
import { out, prefix } from './output.js';
import { isGroupAlive, lastLines, signal, waitUntilGone } from './processes.js';

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** A nice value above 0 runs it at a lower CPU priority than the rest. */
  niceness?: number;
}

export interface ChildExit {
  name: string;
  /** "exit code 1" or "signal SIGKILL". */
  description: string;
  lastLines: string[];
}

interface Supervised {
  spec: ChildSpec;
  process: ChildProcess;
  pid: number;
  stopping: boolean;
  exited: boolean;
  stderrTail: string[];
  outputTail: string[];
}

const TAIL = 12;

/**
 * Best effort: a system that refuses leaves the child at normal priority. Linux schedules each
 * session's processes as one group ("autogroup"), and a nice value weighs only inside its group;
 * the child has a session of its own (`detached`), so its group is niced as well.
 */
function lowerPriority(pid: number, niceness: number): void {
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

/**
 * Runs each service as its own child, in its own process group (so a Ctrl-C in the terminal reaches
 * only the launcher, which stops them in order), prefixes its output, and reports an unexpected exit.
 */
export class Supervisor {
  private readonly children = new Map<string, Supervised>();
  private colorIndex = 0;

  constructor(
    private readonly format: LogFormat,
    private readonly onUnexpectedExit: (exit: ChildExit) => void,
  ) {}

  start(spec: ChildSpec): number {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid === undefined) throw new Error(`could not start ${spec.name} (${spec.command})`);
    if (spec.niceness) lowerPriority(child.pid, spec.niceness);
    const entry: Supervised = {
      spec,
      process: child,
      pid: child.pid,
      stopping: false,
      exited: false,
      stderrTail: [],
      outputTail: [],
    };
    this.children.set(spec.name, entry);
    const label = prefix(spec.name, this.colorIndex++);
    for (const stream of ['stdout', 'stderr'] as const) {
      createInterface({ input: child[stream], crlfDelay: Infinity }).on('line', (line) => {
        remember(entry.outputTail, line);
        if (stream === 'stderr') remember(entry.stderrTail, line);
        for (const text of formatLogLine(line, this.format)) out.child(label, text, stream);
      });
    }
    // 'close' comes once the output is drained, so the last lines are known when reporting.
    child.once('close', (code, sig) => {
      entry.exited = true;
      if (entry.stopping) return;
      const tail = entry.stderrTail.length > 0 ? entry.stderrTail : entry.outputTail;
      this.onUnexpectedExit({
        name: spec.name,
        description: sig ? `signal ${sig}` : `exit code ${code ?? '?'}`,
        lastLines: lastLines(tail.join('\n'), 8),
      });
    });
    child.once('error', (error) => {
      entry.exited = true;
      if (!entry.stopping) {
        this.onUnexpectedExit({ name: spec.name, description: error.message, lastLines: [] });
      }
    });
    return child.pid;
  }

  isRunning(name: string): boolean {
    const entry = this.children.get(name);
    return entry !== undefined && !entry.exited;
  }

  pids(): Array<{ name: string; pid: number; marker: string }> {
    return [...this.children.values()].map((entry) => ({
      name: entry.spec.name,
      pid: entry.pid,
      marker: entry.spec.args.at(-1) ?? entry.spec.command,
    }));
  }

  /**
   * Stops the named children at once: SIGTERM to each process group, up to `timeoutMs` for a
   * graceful shutdown, then SIGKILL to whatever is left of the group.
   */
  async stop(names: readonly string[], timeoutMs = 10_000): Promise<void> {
    await Promise.all(
      names.map(async (name) => {
        const entry = this.children.get(name);
        if (!entry) return;
        entry.stopping = true;
        const gone = () => entry.exited && !isGroupAlive(entry.pid);
        if (gone()) return;
        signal(-entry.pid, 'SIGTERM');
        if (await waitUntilGone(() => !gone(), timeoutMs)) return;
        out.warn(`${name} did not stop within ${timeoutMs / 1000} s: killing it`);
        signal(-entry.pid, 'SIGKILL');
        await waitUntilGone(() => !gone(), 5_000);
      }),
    );
  }

  /** The second Ctrl-C: no more waiting. */
  killAll(): void {
    for (const entry of this.children.values()) {
      entry.stopping = true;
      signal(-entry.pid, 'SIGKILL');
    }
  }
}

function remember(tail: string[], line: string): void {
  tail.push(line);
  if (tail.length > TAIL) tail.shift();
}
