import autocannon from 'autocannon';

/** One non-2xx answer, kept to show what went wrong. */
export interface FailedResponse {
  status: number;
  body: string;
}

/** What every scenario reports, in the table and the JSON file. */
export interface ScenarioSummary {
  name: string;
  connections: number;
  /** Seconds from the first request to the last answer. */
  seconds: number;
  /** Answers received, 2xx or not. */
  requests: number;
  /** Answers per second over the whole run: requests / seconds. */
  rps: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  sample: FailedResponse | null;
  /** Cores other processes of the machine kept busy during the run (null: not measured). */
  otherCores: number | null;
  /** Cores each part of the benchmark used during the run: gateway, booking, postgres, runner… */
  cpu: Record<string, number> | null;
  /**
   * Non-2xx answers the scenario expects and has checked itself (booking-hot-slot's 409s): they
   * do not fail the run. 0 for every other scenario.
   */
  expectedNon2xx: number;
  /** The scenario's own check, when it failed (e.g. not exactly one 201): fails the run. */
  checkFailed: string | null;
  notes: string[];
}

/** What a measured run learnt about the machine meanwhile. */
export interface Watched {
  otherCores: number | null;
  cpu: Record<string, number> | null;
}

/** What happens around a measured run: waiting for a quiet machine, watching it, a Ctrl-C. */
export interface MeasureHooks {
  /** Before the run starts: may wait, then starts watching the machine. */
  before(): Promise<void>;
  /** After the run: the cores other processes, and each part of the benchmark, used meanwhile. */
  after(): Watched;
  /** Receives the run's stop. */
  onStop(stop: () => void): void;
}

type Request = autocannon.Request;

export interface CannonRun {
  result: autocannon.Result;
  sample: FailedResponse | null;
  /**
   * Seconds from the start to the last answer. autocannon's own finish time is rounded up to its
   * next one-second tick, which makes the rate of a short fixed-amount run (refresh) meaningless.
   */
  seconds: number;
  watched: Watched | null;
}

/**
 * Runs autocannon, keeping the first non-2xx answer of any request. A measured run (with hooks)
 * waits for a quiet machine first and records how busy the rest of it was.
 */
export async function runCannon(
  name: string,
  options: autocannon.Options,
  hooks?: MeasureHooks,
): Promise<CannonRun> {
  await hooks?.before();
  const run = await cannon(name, options, hooks);
  return { ...run, watched: hooks?.after() ?? null };
}

function cannon(
  name: string,
  options: autocannon.Options,
  hooks?: MeasureHooks,
): Promise<Omit<CannonRun, 'watched'>> {
  let sample: FailedResponse | null = null;
  const record = (status: number, body: string) => {
    if (status >= 300 && sample === null) sample = { status, body: body.slice(0, 2_000) };
  };
  const wrap = (request: Request): Request => {
    const own = typeof request.onResponse === 'function' ? request.onResponse : undefined;
    return {
      ...request,
      onResponse: (status, body, context, headers) => {
        record(status, body);
        own?.(status, body, context, headers);
      },
    };
  };
  const requests = (options.requests ?? [{}]).map(wrap);
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    let lastAnswerAt = startedAt;
    const instance = autocannon(
      { title: name, timeout: 30, ...options, requests },
      (error: unknown, result) => {
        if (error) reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        else resolve({ result, sample, seconds: (lastAnswerAt - startedAt) / 1000 });
      },
    );
    instance.on('response', () => (lastAnswerAt = performance.now()));
    hooks?.onStop(() => instance.stop());
  });
}

/** Lets a per-client request list (setupClient) report its failures too. */
export function failureRecorder(): {
  record: (status: number, body: string) => void;
  sample: () => FailedResponse | null;
} {
  let sample: FailedResponse | null = null;
  return {
    record: (status, body) => {
      if (status >= 300 && sample === null) sample = { status, body: body.slice(0, 2_000) };
    },
    sample: () => sample,
  };
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function summarise(
  name: string,
  { result, sample, seconds, watched }: CannonRun,
  notes: string[] = [],
): ScenarioSummary {
  const requests = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  const { latency } = result;
  return {
    name,
    connections: result.connections,
    seconds: round(seconds),
    requests,
    rps: round(seconds > 0 ? requests / seconds : 0, 1),
    latencyMs: {
      mean: round(latency.mean),
      p50: round(latency.p50),
      p90: round(latency.p90),
      p99: round(latency.p99),
      max: round(latency.max),
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    sample,
    otherCores: watched?.otherCores ?? null,
    cpu: watched?.cpu ?? null,
    expectedNon2xx: 0,
    checkFailed: null,
    notes,
  };
}
