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
  /**
   * Seconds to wait, before each measured run, for the platform's leftover work to end, and as
   * many for other processes to leave the cores alone.
   */
  quietWait: number;
  /** First port of the platform's block: gateway on it, auth on +1, … MailDev +25/+80, PostgreSQL +329. */
  portBase: number;
  /** The platform's data directory (SLOTWISE_DATA_DIR), relative to the repository. */
  dataDir: string;
  /** Connections of booking-create. */
  bookingConnections: number;
  /** Concurrent creates of one slot in booking-hot-slot (one connection each). */
  hotSlotRequests: number;
  /** Connections of the resources-list scenarios. */
  listConnections: number;
  /** Public resources the resources-list scenarios list over. */
  catalogSize: number;
  /** Verified CUSTOMER accounts the bookings are spread over. */
  customers: number;
  /** Resources booking-create spreads its slots over. */
  bookingResources: number;
  /** Extra variables for the platform (the launcher passes them on to every service). */
  platformEnv: Record<string, string>;
}

interface Setting {
  key: keyof Omit<BenchOptions, 'scenarios' | 'dataDir' | 'platformEnv'>;
  flag: string;
  env: string;
  fallback: number;
  min: number;
  max: number;
}

/** A numeric setting; its variable follows the flag: --login-connections, BENCH_LOGIN_CONNECTIONS. */
const num = (key: Setting['key'], flag: string, fallback: number, min: number, max: number) => ({
  key,
  flag,
  env: `BENCH_${flag.slice(2).toUpperCase().replaceAll('-', '_')}`,
  fallback,
  min,
  max,
});

const NUMERIC: readonly Setting[] = [
  num('duration', '--duration', 10, 1, 3600),
  num('connections', '--connections', 50, 1, 1000),
  num('loginConnections', '--login-connections', 8, 1, 200),
  num('refreshConnections', '--refresh-connections', 8, 1, 1000),
  num('accounts', '--accounts', 8, 1, 100),
  num('refreshTokens', '--refresh-tokens', 100, 1, 100_000),
  num('attempts', '--attempts', 3, 1, 10),
  num('quietWait', '--quiet-wait', 60, 0, 3600),
  num('bookingConnections', '--booking-connections', 64, 1, 1000),
  num('hotSlotRequests', '--hot-slot-requests', 500, 2, 2000),
  num('listConnections', '--list-connections', 50, 1, 1000),
  num('catalogSize', '--catalog-size', 10_000, 100, 200_000),
  num('customers', '--customers', 8, 1, 100),
  num('bookingResources', '--booking-resources', 50, 1, 1000),
  num('portBase', '--port-base', 21000, 1024, 65000),
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
  --quiet-wait <s>           before each measured run, wait up to this long for the platform to
                             finish its leftover work (< 0.15 cores), then as long for other
                             processes to use < 0.25 cores (0: do not wait) [BENCH_QUIET_WAIT] (60)
  --port-base <port>         gateway port; the platform uses the block above it [BENCH_PORT_BASE] (21000)
  --data-dir <dir>           the platform's SLOTWISE_DATA_DIR; its postgres/ and maildev/ are
                             deleted at each start [BENCH_DATA_DIR] (.data/bench)
  --booking-connections <n>  connections of booking-create [BENCH_BOOKING_CONNECTIONS] (64)
  --booking-resources <n>    resources booking-create spreads its slots over [BENCH_BOOKING_RESOURCES] (50)
  --customers <n>            CUSTOMER accounts the bookings rotate over [BENCH_CUSTOMERS] (8)
  --hot-slot-requests <n>    concurrent creates of one slot in booking-hot-slot [BENCH_HOT_SLOT_REQUESTS] (500)
  --list-connections <n>     connections of the resources-list scenarios [BENCH_LIST_CONNECTIONS] (50)
  --catalog-size <n>         public resources the listings run over [BENCH_CATALOG_SIZE] (10000)
  --env <K=V,K=V>            extra variables for the platform, passed to every service, e.g.
                             DATABASE_POOL_MAX=20,RESOURCE_CACHE_TTL_MS=10000 [BENCH_ENV] ()
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

/**
 * `KEY=VALUE,KEY=VALUE` (values without commas). The runner's own variables (ports, data
 * directory, rate limits, admin) cannot be overridden: they would break the run.
 */
function parseEnvList(source: string, raw: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of raw.split(',').filter((part) => part.trim() !== '')) {
    const match = /^\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(pair);
    if (!match?.[1] || match[2] === undefined)
      throw new UsageError(`${source} must be KEY=VALUE pairs separated by commas (got "${pair}")`);
    if (/_PORT$|^SLOTWISE_DATA_DIR$|^RATE_LIMIT_|^ADMIN_|^PATH$|^HOME$/.test(match[1]))
      throw new UsageError(`${source}: ${match[1]} is set by the runner`);
    result[match[1]] = match[2].trim();
  }
  return result;
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
  const settingFlags = new Set([...NUMERIC.map((s) => s.flag), '--data-dir', '--env']);
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
    platformEnv: parseEnvList(
      flags.has('--env') ? '--env' : 'BENCH_ENV',
      flags.get('--env') ?? env.BENCH_ENV ?? '',
    ),
    duration: 0,
    connections: 0,
    loginConnections: 0,
    refreshConnections: 0,
    accounts: 0,
    refreshTokens: 0,
    quietWait: 0,
    attempts: 0,
    portBase: 0,
    bookingConnections: 0,
    hotSlotRequests: 0,
    listConnections: 0,
    catalogSize: 0,
    customers: 0,
    bookingResources: 0,
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
