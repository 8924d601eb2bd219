import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { ScenarioSummary } from './cannon.js';
import type { BenchOptions } from './options.js';

export function machine(rootDir: string): Record<string, unknown> {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: rootDir })
      .toString()
      .trim();
  } catch {
    // Not a git checkout.
  }
  const cores = cpus();
  return {
    node: process.version,
    cpus: cores.length,
    cpuModel: cores[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform} ${process.arch}`,
    commit,
  };
}

const COLUMNS: Array<[title: string, cell: (r: ScenarioSummary) => string]> = [
  ['scenario', (r) => r.name],
  ['conns', (r) => String(r.connections)],
  ['requests', (r) => String(r.requests)],
  ['seconds', (r) => r.seconds.toFixed(1)],
  ['req/s', (r) => r.rps.toFixed(1)],
  ['p50 ms', (r) => String(r.latencyMs.p50)],
  ['p90 ms', (r) => String(r.latencyMs.p90)],
  ['p99 ms', (r) => String(r.latencyMs.p99)],
  ['max ms', (r) => String(r.latencyMs.max)],
  ['non-2xx', (r) => (r.expectedNon2xx > 0 ? `${r.non2xx} (exp.)` : String(r.non2xx))],
  ['errors', (r) => String(r.errors)],
  ['other cpu', (r) => (r.otherCores === null ? '?' : r.otherCores.toFixed(2))],
];

/** `gateway 0.71, booking 0.52, …` (parts under 0.01 cores left out). */
export function cpuLine(cpu: Record<string, number>): string {
  const parts = Object.entries(cpu).filter(([, cores]) => cores >= 0.01);
  const total = parts.reduce((sum, [, cores]) => sum + cores, 0);
  return `${parts.map(([name, cores]) => `${name} ${cores.toFixed(2)}`).join(', ')} (total ${total.toFixed(2)})`;
}

/** A plain-text table, one row per scenario; numbers right-aligned. */
export function formatTable(reports: readonly ScenarioSummary[]): string {
  const rows = reports.map((report) => COLUMNS.map(([, cell]) => cell(report)));
  const widths = COLUMNS.map(([title], i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  const header = line(COLUMNS.map(([title]) => title));
  const notes = reports.flatMap((r) => [
    ...r.notes.map((note) => `  ${r.name}: ${note}`),
    ...(r.cpu ? [`  ${r.name}: cores used: ${cpuLine(r.cpu)}`] : []),
  ]);
  return [header, '-'.repeat(header.length), ...rows.map(line), '', ...notes].join('\n');
}

/** bench/results/<timestamp>.json; returns its path. */
export async function writeResults(
  rootDir: string,
  content: {
    startedAt: Date;
    options: BenchOptions;
    loadBefore: number[];
    reports: ScenarioSummary[];
    failures: string[];
    /** Not failures, but worth knowing: a start that had to be retried. */
    warnings: string[];
  },
): Promise<string> {
  const dir = join(rootDir, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const stamp = content.startedAt
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z');
  const file = join(dir, `${stamp}.json`);
  const body = {
    startedAt: content.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machine(rootDir),
    loadAverageBefore: content.loadBefore,
    loadAverageAfter: loadavg().map((value) => Math.round(value * 100) / 100),
    options: content.options,
    scenarios: content.reports,
    failures: content.failures,
    warnings: content.warnings,
  };
  await writeFile(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}
