/**
 * The runner's settings: command-line flags first, then BENCH_* variables, then defaults.
 * Positional arguments name the scenarios to run (all of them when none is given).
 */
export interface BenchOptions {
  /** Scenario names, in the order they run. */
  scenarios: string[];
  /** Seconds each duration-based scenario runs. */
  duration: number;
  /** Connections of the cheap read scenarios (gateway-proxy, me). */
  connections: number;
  /** Connections of the login scenario (bcrypt cost 12 per request). */
  loginConnections: number;
  /**
   * Connections of refresh and refresh-chain: 8 by default, below auth's database pool (10). At
   * 10 or more, auth's refresh can wait on its own pool (see README) and answers 500 after 3 s.
   */
  refreshConnections: number;
  /** Verified accounts the logins are spread over. */
  accounts: number;
  /** Smallest token list the refresh scenario runs over; logins top the list up to it. */
  refreshTokens: number;
  /** Runs of a scenario at most, while other processes disturb it (the least disturbed is kept). */
  attempts: number;
  /** Seconds to wait, before each scenario, for other processes to leave the cores alone. */
  quietWait: number;
  /** First port of the platform's block: gateway on it, auth on +1, … MailDev +25/+80, PostgreSQL +329. */
  portBase: number;
  /** The platform's data directory (SLOTWISE_DATA_DIR), relative to the repository. */
  dataDir: string;
}

interface Setting {
  key: keyof Omit<BenchOptions, 'scenarios' | 'dataDir'>;
  flag: string;
  env: string;
  fallback: number;
  min: number;
  max: number;
}

const NUMERIC: readonly Setting[] = [
  { key: 'duration', flag: '--duration', env: 'BENCH_DURATION', fallback: 10, min: 1, max: 3600 },
  {
    key: 'connections',
    flag: '--connections',
    env: 'BENCH_CONNECTIONS',
    fallback: 50,
    min: 1,
    max: 1000,
  },
  {
    key: 'loginConnections',
    flag: '--login-connections',
    env: 'BENCH_LOGIN_CONNECTIONS',
    fallback: 8,
    min: 1,
    max: 200,
  },
  {
    key: 'refreshConnections',
    flag: '--refresh-connections',
    env: 'BENCH_REFRESH_CONNECTIONS',
    fallback: 8,
    min: 1,
    max: 1000,
  },
  { key: 'accounts', flag: '--accounts', env: 'BENCH_ACCOUNTS', fallback: 8, min: 1, max: 100 },
  {
    key: 'refreshTokens',
    flag: '--refresh-tokens',
    env: 'BENCH_REFRESH_TOKENS',
    fallback: 100,
    min: 1,
    max: 100_000,
  },
  { key: 'attempts', flag: '--attempts', env: 'BENCH_ATTEMPTS', fallback: 3, min: 1, max: 10 },
  {
    key: 'quietWait',
    flag: '--quiet-wait',
    env: 'BENCH_QUIET_WAIT',
    fallback: 60,
    min: 0,
    max: 3600,
  },
  {
    key: 'portBase',
    flag: '--port-base',
    env: 'BENCH_PORT_BASE',
    fallback: 41000,
    min: 1024,
    max: 65000,
  },
];

export const USAGE = `Usage: npm run bench -- [scenario ...] [options]

Scenarios (all by default, in this order): SCENARIOS
Options (or the BENCH_* variable in brackets):
  --duration <s>             seconds per duration-based scenario [BENCH_DURATION] (10)
  --connections <n>          connections of gateway-proxy and me [BENCH_CONNECTIONS] (50)
  --login-connections <n>    connections of login [BENCH_LOGIN_CONNECTIONS] (8)
  --refresh-connections <n>  connections of refresh, refresh-chain [BENCH_REFRESH_CONNECTIONS] (8)
  --accounts <n>             verified accounts the logins are spread over [BENCH_ACCOUNTS] (8)
  --refresh-tokens <n>       least refresh tokens for refresh, topped up by logins [BENCH_REFRESH_TOKENS] (100)
  --attempts <n>             runs of a scenario at most while other processes disturb it (use
                             > 0.25 cores); the least disturbed is kept [BENCH_ATTEMPTS] (3)
  --quiet-wait <s>           before each scenario, wait up to this long for other processes
                             to use < 0.25 cores (0: do not wait) [BENCH_QUIET_WAIT] (60)
  --port-base <port>         gateway port; the platform uses the block above it [BENCH_PORT_BASE] (41000)
  --data-dir <dir>           the platform's SLOTWISE_DATA_DIR; its postgres/ and maildev/ are
                             deleted at each start [BENCH_DATA_DIR] (.data/bench)
  -h, --help                 this text`;

export class UsageError extends Error {}

function parseNumber(setting: Setting, raw: string, source: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < setting.min || value > setting.max) {
    throw new UsageError(
      `${source} must be a whole number from ${setting.min} to ${setting.max} (got "${raw}")`,
    );
  }
  return value;
}

/** Throws a UsageError on an unknown flag, a bad number or an unknown scenario. */
export function parseOptions(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  known: readonly string[],
): BenchOptions | 'help' {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    if (!arg.startsWith('--')) {
      positional.push(...arg.split(',').filter(Boolean));
      continue;
    }
    const [name = '', inline] = arg.split('=', 2);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    flags.set(name, value);
  }
  const settingFlags = new Set([...NUMERIC.map((s) => s.flag), '--data-dir']);
  const unknownFlag = [...flags.keys()].find((flag) => !settingFlags.has(flag));
  if (unknownFlag) throw new UsageError(`unknown option ${unknownFlag}`);
  const unknownScenario = positional.filter((name) => !known.includes(name));
  if (unknownScenario.length > 0) {
    throw new UsageError(
      `unknown scenario ${unknownScenario.join(', ')} (known: ${known.join(', ')})`,
    );
  }

  const options: BenchOptions = {
    // Known order, whatever order they were named in: refresh uses what login leaves behind.
    scenarios:
      positional.length > 0 ? known.filter((name) => positional.includes(name)) : [...known],
    dataDir: flags.get('--data-dir') ?? (env.BENCH_DATA_DIR || '.data/bench'),
    duration: 0,
    connections: 0,
    loginConnections: 0,
    refreshConnections: 0,
    accounts: 0,
    refreshTokens: 0,
    quietWait: 0,
    attempts: 0,
    portBase: 0,
  };
  for (const setting of NUMERIC) {
    const fromFlag = flags.get(setting.flag);
    const fromEnv = env[setting.env];
    options[setting.key] =
      fromFlag !== undefined
        ? parseNumber(setting, fromFlag, setting.flag)
        : fromEnv
          ? parseNumber(setting, fromEnv, setting.env)
          : setting.fallback;
  }
  return options;
}
