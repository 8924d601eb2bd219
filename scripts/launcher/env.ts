import type { LauncherSettings } from './config.js';
import { instanceUrl, planInstances, REPLICA_PORT_STEP } from './replicas.js';
import type { LocalSecrets } from './secrets.js';
import { BACKEND_SERVICES, DEFAULTS, type ServiceSpec } from './services.js';

/**
 * The environment of each service process: the services' contract (each validates it with zod at
 * start). Whatever else the user set passes through; the variables below are the launcher's.
 */
export interface EnvContext {
  /** The launcher's own environment, passed through. */
  inherited: Record<string, string | undefined>;
  settings: LauncherSettings;
  /** The services that run (gateway included). */
  running: readonly ServiceSpec[];
  /** URL of each database by owner: a service name, or "events". */
  databaseUrls: Readonly<Record<string, string>>;
  smtpUrl: string | undefined;
  secrets: LocalSecrets;
  adminPassword: string;
}

/** The URL of a service's first instance, the one the other services call. */
export function serviceUrl(settings: LauncherSettings, name: string): string {
  return `http://127.0.0.1:${settings.ports[name]}`;
}

export function publicUrl(settings: LauncherSettings): string {
  return `http://localhost:${settings.ports.gateway}`;
}

/** Variables that belong to one process and must not leak from the launcher's environment to all. */
const PER_PROCESS = ['PORT', 'DATABASE_URL', 'EVENTS_DATABASE_URL', 'SERVICE_CLIENTS'];

/** The environment of instance `index` of `service` (0 when it runs once). */
export function serviceEnv(
  service: ServiceSpec,
  context: EnvContext,
  index = 0,
): Record<string, string> {
  const { inherited, settings, running, databaseUrls, secrets } = context;
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(inherited)) {
    if (value !== undefined && value !== '' && !PER_PROCESS.includes(name)) env[name] = value;
  }
  const authUrl = serviceUrl(settings, 'auth');
  Object.assign(env, {
    NODE_ENV: inherited.NODE_ENV || 'development',
    PORT: String((settings.ports[service.name] ?? service.defaultPort) + REPLICA_PORT_STEP * index),
    HOST: '127.0.0.1',
    LOG_LEVEL: settings.logLevel,
    AUTH_SERVICE_URL: authUrl,
    AUTH_JWKS_URL: `${authUrl}/api/auth/.well-known/jwks.json`,
    JWT_ISSUER: inherited.JWT_ISSUER || DEFAULTS.jwtIssuer,
    JWT_AUDIENCE: inherited.JWT_AUDIENCE || DEFAULTS.jwtAudience,
    // Where a person reaches the platform: the gateway, and links in mails.
    PUBLIC_URL: inherited.PUBLIC_URL || publicUrl(settings),
    SERVICE_CLIENT_ID: service.name,
    SERVICE_CLIENT_SECRET: secrets.serviceClients[service.name] ?? '',
  });
  // Every process learns where the others are (booking calls resource, resource calls business):
  // the gateway balances over every instance, a service calls the first one.
  for (const other of BACKEND_SERVICES) {
    if (!running.some((r) => r.name === other.name)) continue;
    env[other.urlVar] =
      service.name === 'gateway'
        ? planInstances([other], settings).map(instanceUrl).join(',')
        : serviceUrl(settings, other.name);
  }
  // The gateway polls the readiness of a replicated service's instances: one on its way out
  // serves a while longer (SHUTDOWN_DRAIN_MS, the services' default) so that it notices first.
  // Nothing balances a lone instance or a gateway here: they stop at once.
  const balanced = service.name !== 'gateway' && (settings.replicas[service.name] ?? 1) > 1;
  if (!balanced && !inherited.SHUTDOWN_DRAIN_MS) env.SHUTDOWN_DRAIN_MS = '0';
  const own = databaseUrls[service.name];
  if (own) {
    env.DATABASE_URL = own;
    const events = databaseUrls.events;
    if (!settings.amqpUrl && events) env.EVENTS_DATABASE_URL = events;
  }
  if (settings.amqpUrl) env.AMQP_URL = settings.amqpUrl;
  if (settings.redisUrl) env.REDIS_URL = settings.redisUrl;
  if (context.smtpUrl) env.SMTP_URL = context.smtpUrl;

  if (service.name === 'auth') {
    env.SERVICE_CLIENTS = running
      .map((r) => `${r.name}:${secrets.serviceClients[r.name] ?? ''}`)
      .join(',');
    env.ADMIN_EMAIL = settings.adminEmail;
    env.ADMIN_PASSWORD = context.adminPassword;
    env.AUTH_SECRET = inherited.AUTH_SECRET || secrets.authSecret;
    env.COOKIE_SECURE = inherited.COOKIE_SECURE || 'false';
  }
  if (service.name === 'gateway') env.COOKIE_SECURE = inherited.COOKIE_SECURE || 'false';
  return env;
}
