import { z } from 'zod';
import { parseReplicas, REPLICA_PORT_STEP } from './replicas.js';
import { ALL_SERVICES, DEFAULTS, EVENTS_DATABASE } from './services.js';

/** A bad launcher variable: the message is one line and names the variable(s). */
export class LauncherConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LauncherConfigError';
  }
}

const port = (fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a port number (1-65535)')
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, 'must be a port number (1-65535)')
        .max(65535, 'must be a port number (1-65535)'),
    )
    .default(fallback);

const urlWithScheme = (schemes: readonly string[], extra?: (url: URL) => string | null) =>
  z.string().superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be a ${schemes[0]}://… URL` });
      return;
    }
    if (!schemes.includes(url.protocol.replace(/:$/, '')) || !url.hostname) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a ${schemes.join('/')}:// URL with a host`,
      });
      return;
    }
    const problem = extra?.(url);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const postgresServerUrl = () => urlWithScheme(['postgresql', 'postgres']);
const postgresDatabaseUrl = () =>
  urlWithScheme(['postgresql', 'postgres'], (url) =>
    url.pathname.length > 1 ? null : 'must name a database (postgresql://host:port/<database>)',
  );

const databaseUrlVars = [
  ...ALL_SERVICES.flatMap((s) => (s.databaseUrlVar ? [s.databaseUrlVar] : [])),
  EVENTS_DATABASE.urlVar,
];

const replicas = () =>
  z.string().transform((value, ctx) => {
    try {
      return parseReplicas(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

const schema = z.object({
  ...Object.fromEntries(ALL_SERVICES.map((s) => [s.portVar, port(s.defaultPort)])),
  ...Object.fromEntries(databaseUrlVars.map((name) => [name, postgresDatabaseUrl().optional()])),
  POSTGRES_URL: postgresServerUrl().optional(),
  EMBEDDED_POSTGRES_PORT: port(DEFAULTS.embeddedPostgresPort),
  EMBEDDED_POSTGRES_DIR: z.string().optional(),
  SLOTWISE_DATA_DIR: z.string().optional(),
  MAILDEV_SMTP_PORT: port(DEFAULTS.maildevSmtpPort),
  MAILDEV_WEB_PORT: port(DEFAULTS.maildevWebPort),
  WEB_DEV_PORT: port(DEFAULTS.webDevPort),
  REDIS_URL: urlWithScheme(['redis', 'rediss']).optional(),
  AMQP_URL: urlWithScheme(['amqp', 'amqps']).optional(),
  SMTP_URL: urlWithScheme(['smtp', 'smtps']).optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  ADMIN_EMAIL: z.email('must be an email address').default(DEFAULTS.adminEmail),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  READY_TIMEOUT_SECONDS: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of seconds')
    .transform(Number)
    .pipe(z.number().int().min(1, 'must be at least 1 second'))
    .default(DEFAULTS.readyTimeoutSeconds),
  LAUNCHER_LOGS: z
    .enum(['pretty', 'json'], { message: 'must be pretty or json' })
    .default('pretty'),
  REPLICAS: replicas().optional(),
});

export interface LauncherSettings {
  /** Port of each service by name (gateway included): of its first instance. */
  ports: Record<string, number>;
  /** Instances of each service by name (`--replicas`, REPLICAS); 1 when not named. */
  replicas: Record<string, number>;
  /** Explicit database URLs by variable name (DATABASE_URL_AUTH, …, DATABASE_URL_EVENTS). */
  databaseUrls: Record<string, string>;
  postgresUrl: string | undefined;
  embeddedPostgresPort: number;
  embeddedPostgresDir: string | undefined;
  dataDir: string | undefined;
  maildevSmtpPort: number;
  maildevWebPort: number;
  /** `npm run dev`: the web app's hot-reloading Vite server. */
  webDevPort: number;
  redisUrl: string | undefined;
  amqpUrl: string | undefined;
  smtpUrl: string | undefined;
  logLevel: string;
  adminEmail: string;
  adminPassword: string | undefined;
  readyTimeoutMs: number;
  logFormat: 'pretty' | 'json';
}

const SENSITIVE = /URL|PASSWORD|SECRET/;

/**
 * Validates the launcher's environment. Empty values count as unset. Every bad variable is named,
 * on one line; values are echoed only when they cannot hold a secret.
 */
export function parseLauncherEnv(env: Record<string, string | undefined>): LauncherSettings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '(environment)');
      const given = cleaned[name];
      const shown = given === undefined || SENSITIVE.test(name) ? '' : ` (got "${given}")`;
      return `${name} ${issue.message}${shown}`;
    });
    throw new LauncherConfigError(`Invalid environment: ${problems.join('; ')}`);
  }
  const data = result.data as Record<string, unknown> & z.output<typeof schema>;
  const ports = Object.fromEntries(ALL_SERVICES.map((s) => [s.name, data[s.portVar] as number]));
  const counts = Object.fromEntries(
    ALL_SERVICES.map((s) => [s.name, data.REPLICAS?.[s.name] ?? 1]),
  );
  assertRoomForReplicas(ports, counts);
  const settings: LauncherSettings = {
    ports,
    replicas: counts,
    databaseUrls: Object.fromEntries(
      databaseUrlVars.flatMap((name) => {
        const value = data[name];
        return typeof value === 'string' ? [[name, value]] : [];
      }),
    ),
    postgresUrl: data.POSTGRES_URL,
    embeddedPostgresPort: data.EMBEDDED_POSTGRES_PORT,
    embeddedPostgresDir: data.EMBEDDED_POSTGRES_DIR,
    dataDir: data.SLOTWISE_DATA_DIR,
    maildevSmtpPort: data.MAILDEV_SMTP_PORT,
    maildevWebPort: data.MAILDEV_WEB_PORT,
    webDevPort: data.WEB_DEV_PORT,
    redisUrl: data.REDIS_URL,
    amqpUrl: data.AMQP_URL,
    smtpUrl: data.SMTP_URL,
    logLevel: data.LOG_LEVEL,
    adminEmail: data.ADMIN_EMAIL,
    adminPassword: data.ADMIN_PASSWORD,
    readyTimeoutMs: data.READY_TIMEOUT_SECONDS * 1000,
    logFormat: data.LAUNCHER_LOGS,
  };
  return settings;
}

/** The last instance of a replicated service must still get a port (its port + 100 per instance). */
function assertRoomForReplicas(
  ports: Record<string, number>,
  counts: Record<string, number>,
): void {
  for (const service of ALL_SERVICES) {
    const last = (counts[service.name] ?? 1) - 1;
    const port = (ports[service.name] ?? service.defaultPort) + REPLICA_PORT_STEP * last;
    if (port > 65535)
      throw new LauncherConfigError(
        `Invalid environment: ${service.portVar} leaves no port for ${service.name}#${last} (instance k listens on ${service.portVar} + ${REPLICA_PORT_STEP}×k: ${port})`,
      );
  }
}

/** Two listeners on one port would fail later, one at a time: name the clash now. */
export function assertDistinctPorts(
  ports: ReadonlyArray<{ variable: string; port: number }>,
): void {
  const seen = new Map<number, string>();
  for (const { variable, port: value } of ports) {
    const other = seen.get(value);
    if (other) {
      throw new LauncherConfigError(
        `Invalid environment: ${other} and ${variable} are both ${value}`,
      );
    }
    seen.set(value, variable);
  }
}
