/**
 * `npm run bench [-- scenario ... --flags]`: starts the whole platform through the launcher on its
 * own ports and data directory, runs the scenarios through the gateway with autocannon, prints a
 * table, writes bench/results/<timestamp>.json and stops everything. See bench/README.md.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { MeasureHooks, ScenarioSummary } from './lib/cannon.js';
import {
  coresByName,
  cpuByName,
  cpuSnapshot,
  otherCores,
  ownGroup,
  waitForIdle,
  waitForQuiet,
  type CpuByName,
  type CpuSnapshot,
} from './lib/cpu.js';
import { problemOf, runAttempts } from './lib/attempts.js';
import { createContext, type Scenario } from './lib/context.js';
import { parseOptions, USAGE, UsageError, type BenchOptions } from './lib/options.js';
import { startPlatform, StartFailedError, type RunningPlatform } from './lib/platform.js';
import { portBlock } from './lib/ports.js';
import { formatTable, writeResults } from './lib/report.js';
import { availability } from './scenarios/availability.js';
import { bookingCreate } from './scenarios/booking-create.js';
import { bookingHotSlot } from './scenarios/booking-hot-slot.js';
import { gatewayProxy } from './scenarios/gateway-proxy.js';
import { login } from './scenarios/login.js';
import { me } from './scenarios/me.js';
import { refreshChain } from './scenarios/refresh-chain.js';
import { refresh } from './scenarios/refresh.js';
import {
  resourcesList,
  resourcesListFilter,
  resourcesListSearch,
} from './scenarios/resources-list.js';

const SCENARIOS: readonly Scenario[] = [
  gatewayProxy,
  me,
  login,
  refresh,
  refreshChain,
  bookingCreate,
  bookingHotSlot,
  resourcesList,
  resourcesListFilter,
  resourcesListSearch,
  // Last: its million bookings crowd the other databases' pages out of PostgreSQL's cache.
  availability,
];
const rootDir = fileURLToPath(new URL('..', import.meta.url));

const say = (line: string) => process.stdout.write(`bench │ ${line}\n`);
const shout = (line: string) => process.stderr.write(`bench │ ✖ ${line}\n`);

async function runScenarios(
  options: BenchOptions,
  admin: { email: string; password: string },
  platform: RunningPlatform,
  interruption: AbortSignal,
  onStop: (stop: () => void) => void,
): Promise<{ reports: ScenarioSummary[]; failures: string[] }> {
  const reports: ScenarioSummary[] = [];
  const failures: string[] = [];
  const groups = new Set([ownGroup(), ...platform.groups]);
  const processMap = {
    names: platform.names,
    postgresPid: platform.postgresPid,
    ownGroup: ownGroup(),
  };
  let watchFrom: CpuSnapshot | null = null;
  let partsFrom: CpuByName | null = null;
  const measure: MeasureHooks = {
    before: async () => {
      // First the platform's own leftovers (events, mails of a set-up or an earlier run), then
      // the rest of the machine.
      if (options.quietWait > 0 && !interruption.aborted)
        await waitForIdle(new Set(platform.groups), options.quietWait, say, interruption);
      if (options.quietWait > 0 && !interruption.aborted)
        await waitForQuiet(groups, options.quietWait, say, interruption);
      // A Ctrl-C during a scenario's setup or the wait: no new run.
      if (interruption.aborted) throw new Error('interrupted');
      watchFrom = cpuSnapshot(groups);
      partsFrom = cpuByName(processMap);
    },
    after: () => ({
      otherCores: otherCores(watchFrom, cpuSnapshot(groups)),
      cpu: coresByName(partsFrom, cpuByName(processMap)),
    }),
    onStop,
  };
  const context = createContext({
    gatewayUrl: platform.gatewayUrl,
    maildevUrl: platform.maildevUrl,
    admin,
    options,
    measure,
    log: say,
  });
  for (const scenario of SCENARIOS.filter((s) => options.scenarios.includes(s.name))) {
    if (interruption.aborted) break;
    say(`${scenario.name}: ${scenario.what}`);
    try {
      const summary = await runAttempts(scenario, context, options.attempts, interruption, say);
      reports.push(summary);
      const problem = problemOf(summary);
      if (problem && !interruption.aborted) {
        shout(problem);
        failures.push(problem);
      }
    } catch (error) {
      if (interruption.aborted) break;
      const message = `${scenario.name} failed: ${(error as Error).message}`;
      shout(message);
      failures.push(message);
    }
  }
  return { reports, failures };
}

async function main(): Promise<number> {
  let parsed: BenchOptions | 'help';
  const names = SCENARIOS.map((s) => s.name);
  try {
    parsed = parseOptions(process.argv.slice(2), process.env, names);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    shout(error.message);
    process.stderr.write(`${USAGE.replace('SCENARIOS', names.join(', '))}\n`);
    return 2;
  }
  if (parsed === 'help') {
    process.stdout.write(`${USAGE.replace('SCENARIOS', names.join(', '))}\n`);
    return 0;
  }
  const options = parsed;
  const startedAt = new Date();
  const loadBefore = loadavg().map((value) => Math.round(value * 100) / 100);
  say(
    `node ${process.version}, ${cpus().length} cores, load average ${loadBefore.join(' ')}; scenarios: ${options.scenarios.join(', ')}`,
  );
  const extra = Object.entries(options.platformEnv);
  if (extra.length > 0)
    say(`platform environment: ${extra.map(([key, value]) => `${key}=${value}`).join(' ')}`);

  // The platform runs in its own process group: a Ctrl-C reaches only this process, which stops
  // the current run and then the platform.
  const interruption = new AbortController();
  let stopCurrent: (() => void) | undefined;
  const onSignal = (name: string) => {
    if (interruption.signal.aborted) return;
    say(`${name}: stopping`);
    interruption.abort();
    stopCurrent?.();
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));

  const ports = portBlock(options.portBase);
  // The admin the platform ensures at start (it verifies businesses): new for each run.
  const admin = {
    email: 'bench-admin@bench.example.com',
    password: `bench-admin-${randomBytes(12).toString('hex')}`,
  };
  say(
    `starting the platform: gateway :${ports.services.GATEWAY_PORT}, MailDev :${ports.maildevSmtp}/:${ports.maildevWeb}, PostgreSQL :${ports.postgres}, data in ${options.dataDir}`,
  );
  let platform: RunningPlatform | undefined;
  const startProblems: string[] = [];
  // Fresh database first; a start that failed (services racing on a new database) is retried on
  // the database it left, which is then no longer new.
  for (let attempt = 1; !platform; attempt++) {
    try {
      platform = await startPlatform({
        rootDir,
        dataDir: options.dataDir,
        ports,
        log: say,
        signal: interruption.signal,
        fresh: attempt === 1,
        admin,
        extraEnv: options.platformEnv,
      });
    } catch (error) {
      const lines = error instanceof StartFailedError ? error.lines : [];
      shout([(error as Error).message, ...lines.slice(-12)].join('\n    '));
      if (!(error instanceof StartFailedError) || attempt === 3 || interruption.signal.aborted)
        return interruption.signal.aborted ? 130 : 1;
      const cause =
        lines.find((line) => /stopped unexpectedly|failed/.test(line)) ??
        lines.find((line) => line.includes('✖')) ??
        lines.at(-1) ??
        '';
      const deadlock = lines.some((line) => /deadlock/.test(line))
        ? ' (PostgreSQL: deadlock detected)'
        : '';
      startProblems.push(
        `start ${attempt} failed: ${cause.replace(/\s+/g, ' ').trim()}${deadlock}`,
      );
      say(`starting again (attempt ${attempt + 1} of 3)`);
    }
  }

  let outcome: { reports: ScenarioSummary[]; failures: string[] } = { reports: [], failures: [] };
  try {
    outcome = await runScenarios(options, admin, platform, interruption.signal, (stop) => {
      stopCurrent = stop;
    });
  } finally {
    say('stopping the platform (SIGINT to the launcher)');
    const leftovers = await platform.stop();
    for (const problem of leftovers) shout(problem);
    outcome.failures.push(...leftovers);
    if (leftovers.length === 0) say('platform stopped, its ports are free');
  }

  const { reports, failures } = outcome;
  process.stdout.write(`\n${formatTable(reports)}\n\n`);
  for (const warning of startProblems) say(`warning: ${warning}`);
  const file = await writeResults(rootDir, {
    startedAt,
    options,
    loadBefore,
    reports,
    failures,
    warnings: startProblems,
  });
  say(
    `results written to ${file}; load average now ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  );
  if (interruption.signal.aborted) return 130;
  if (failures.length > 0) {
    shout(`FAILED (${failures.length}):`);
    for (const failure of failures) shout(`  ${failure}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    shout(`bench failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
