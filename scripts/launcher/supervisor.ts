import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { probe } from './health.js';
import { formatLogLine, type LogFormat } from './logs.js';
import { out, prefix, seconds } from './output.js';
import { isGroupAlive, lastLines, lowerPriority, signal, waitUntilGone } from './processes.js';
import {
  cancellableDelay,
  delayText,
  exitText,
  RestartTracker,
  type RestartPolicy,
} from './restarts.js';

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** A nice value above 0 runs it at a lower CPU priority than the rest. */
  niceness?: number;
  /** Answers 200 once the process serves; until it has, repeated crashes end the launcher. */
  healthUrl?: string;
}

/** A child that crashed again and again before it ever became healthy: not worth restarting. */
export interface ChildGiveUp {
  name: string;
  crashes: number;
  windowMs: number;
  /** Of the last exit: "exit code 1" or "SIGKILL". */
  description: string;
  lastLines: string[];
}

export interface SupervisorOptions {
  format: LogFormat;
  onGiveUp: (giveUp: ChildGiveUp) => void;
  /** A child was started again, under a new pid. */
  onRestarted?: (name: string, pid: number) => void;
  policy?: RestartPolicy;
}

interface Supervised {
  spec: ChildSpec;
  label: string;
  pid: number;
  /** Counts the spawns, so that the events of a process that was replaced are ignored. */
  generation: number;
  stopping: boolean;
  exited: boolean;
  exitedAt: number;
  tracker: RestartTracker;
  pendingRestart: { cancel: () => void } | null;
  stderrTail: string[];
  outputTail: string[];
}

const TAIL = 12;
const HEALTH_POLL_MS = 200;

/**
 * Runs each service as its own child, in its own process group (so a Ctrl-C in the terminal reaches
 * only the launcher, which stops them in order), prefixes its output, and restarts a child that
 * exits without being asked to, with a growing delay (restarts.ts), saying so each time.
 */
export class Supervisor {
  private readonly children = new Map<string, Supervised>();
  private colorIndex = 0;
  private restarting = true;

  constructor(private readonly options: SupervisorOptions) {}

  start(spec: ChildSpec): number {
    const entry: Supervised = {
      spec,
      label: prefix(spec.name, this.colorIndex++),
      pid: 0,
      generation: 0,
      stopping: false,
      exited: false,
      exitedAt: 0,
      tracker: new RestartTracker(this.options.policy),
      pendingRestart: null,
      stderrTail: [],
      outputTail: [],
    };
    this.children.set(spec.name, entry);
    const pid = this.spawn(entry);
    if (pid === undefined) {
      entry.stopping = true;
      throw new Error(`could not start ${spec.name} (${spec.command})`);
    }
    return pid;
  }

  /** From now on (the launcher is stopping), a child that exits stays stopped. */
  stopRestarting(): void {
    this.restarting = false;
    for (const entry of this.children.values()) entry.pendingRestart?.cancel();
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
   * graceful shutdown, then SIGKILL to whatever is left of the group. A pending restart is dropped.
   */
  async stop(names: readonly string[], timeoutMs = 10_000): Promise<void> {
    await Promise.all(
      names.map(async (name) => {
        const entry = this.children.get(name);
        if (!entry) return;
        entry.stopping = true;
        entry.pendingRestart?.cancel();
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
      entry.pendingRestart?.cancel();
      signal(-entry.pid, 'SIGKILL');
    }
  }

  /** Starts the entry's process; undefined when it could not be (its 'error' reports why). */
  private spawn(entry: Supervised): number | undefined {
    const { spec } = entry;
    const generation = ++entry.generation;
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    entry.exited = false;
    entry.pid = child.pid ?? 0;
    entry.stderrTail = [];
    entry.outputTail = [];
    if (child.pid !== undefined && spec.niceness) lowerPriority(child.pid, spec.niceness);
    for (const stream of ['stdout', 'stderr'] as const) {
      createInterface({ input: child[stream], crlfDelay: Infinity }).on('line', (line) => {
        remember(entry.outputTail, line);
        if (stream === 'stderr') remember(entry.stderrTail, line);
        for (const text of formatLogLine(line, this.options.format))
          out.child(entry.label, text, stream);
      });
    }
    let ended = false;
    const end = (description: string) => {
      if (ended || generation !== entry.generation) return;
      ended = true;
      void this.onExit(entry, description);
    };
    // A leader that died unasked leaves its group (the service under a watcher) holding the port
    // and the output pipes, so 'close' would never come: that rest goes with it.
    child.once('exit', () => {
      if (!entry.stopping && child.pid !== undefined) signal(-child.pid, 'SIGKILL');
    });
    // 'close' comes once the output is drained, so the last lines are known when reporting.
    child.once('close', (code, sig) => end(exitText(code, sig)));
    child.once('error', (error) => end(error.message));
    if (child.pid !== undefined && spec.healthUrl) void this.watchHealth(entry, generation);
    return child.pid;
  }

  private async onExit(entry: Supervised, description: string): Promise<void> {
    const { name } = entry.spec;
    entry.exited = true;
    entry.exitedAt = Date.now();
    if (entry.stopping) return;
    if (entry.pid > 0) await waitUntilGone(() => isGroupAlive(entry.pid), 5_000);
    if (entry.stopping) return;
    if (!this.restarting) {
      out.warn(`${name} exited (${description}) while the launcher is stopping`);
      return;
    }
    const decision = entry.tracker.crashed();
    if (decision.action === 'give-up') {
      const tail = entry.stderrTail.length > 0 ? entry.stderrTail : entry.outputTail;
      this.options.onGiveUp({
        name,
        crashes: decision.crashes,
        windowMs: decision.windowMs,
        description,
        lastLines: lastLines(tail.join('\n'), 8),
      });
      return;
    }
    out.warn(
      `${name} exited (${description}); restarting in ${delayText(decision.delayMs)} (restart ${decision.restart})`,
    );
    const delay = cancellableDelay(decision.delayMs);
    entry.pendingRestart = delay;
    const waited = await delay.done;
    entry.pendingRestart = null;
    if (!waited || entry.stopping || !this.restarting) return;
    const pid = this.spawn(entry);
    if (pid !== undefined) this.options.onRestarted?.(name, pid);
  }

  /** Polls the health URL until it answers 200, or until this process is gone or stopped. */
  private async watchHealth(entry: Supervised, generation: number): Promise<void> {
    const url = entry.spec.healthUrl;
    if (!url) return;
    const current = () => entry.generation === generation && !entry.exited && !entry.stopping;
    while (current()) {
      if ((await probe(url)) === 'ok' && current()) {
        entry.tracker.markHealthy();
        const restarts = entry.tracker.restartCount;
        if (restarts > 0) {
          const since = seconds(Date.now() - entry.exitedAt);
          out.step(
            `${entry.spec.name} is healthy again (restart ${restarts}, ${since} after it exited)`,
          );
        }
        return;
      }
      await sleep(HEALTH_POLL_MS);
    }
  }
}

function remember(tail: string[], line: string): void {
  tail.push(line);
  if (tail.length > TAIL) tail.shift();
}
