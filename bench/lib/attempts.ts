import type { ScenarioSummary } from './cannon.js';
import type { BenchContext, Scenario } from './context.js';
import { NOISY_CORES } from './cpu.js';

/**
 * Why a scenario's numbers cannot be trusted, or null: every answer must be a 2xx (but those the
 * scenario expects and checked itself), and the scenario's own check must hold.
 */
export function problemOf(summary: ScenarioSummary): string | null {
  const issues: string[] = [];
  if (summary.requests === 0) issues.push('no answers at all');
  if (summary.checkFailed) issues.push(summary.checkFailed);
  const unexpected = summary.non2xx - summary.expectedNon2xx;
  if (unexpected > 0) issues.push(`${unexpected} unexpected non-2xx answer(s)`);
  if (summary.errors > 0) issues.push(`${summary.errors} connection error(s)/timeout(s)`);
  if (issues.length === 0) return null;
  const sample = summary.sample
    ? `; first one: ${summary.sample.status} ${summary.sample.body}`
    : '';
  return `${summary.name}: ${issues.join(', ')}${sample}`;
}

const disturbed = (summary: ScenarioSummary) =>
  summary.otherCores !== null && summary.otherCores >= NOISY_CORES;

/**
 * Runs a scenario, and again (up to `attempts` in all) while other processes took the cores it
 * needed; keeps the least disturbed run. A run with failed requests is kept as it is.
 */
export async function runAttempts(
  scenario: Scenario,
  context: BenchContext,
  attempts: number,
  interruption: AbortSignal,
  say: (line: string) => void,
): Promise<ScenarioSummary> {
  let best: ScenarioSummary | undefined;
  let attempt = 1;
  for (; ; attempt++) {
    const summary = await scenario.run(context);
    const { latencyMs: l } = summary;
    say(
      `${scenario.name}: ${summary.requests} requests, ${summary.rps} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms, non-2xx ${summary.non2xx}, errors ${summary.errors}, other cpu ${summary.otherCores ?? '?'}`,
    );
    if (problemOf(summary)) return summary;
    if (!best || (summary.otherCores ?? 0) < (best.otherCores ?? 0)) best = summary;
    if (!disturbed(summary) || attempt >= attempts || interruption.aborted) break;
    say(`${scenario.name}: disturbed by other processes, running it again`);
  }
  if (attempt > 1) best.notes.push(`least disturbed of ${attempt} runs`);
  if (disturbed(best))
    best.notes.push(`disturbed: other processes used ${best.otherCores} cores meanwhile`);
  return best;
}
