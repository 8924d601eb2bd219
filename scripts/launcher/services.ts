/**
 * The one list of what the launcher runs. Order matters: services start in this order (all at
 * once, then the gateway last once they are ready) and stop in the reverse one.
 */
export interface ServiceSpec {
  /** Folder name under services/, also the SERVICE_CLIENT_ID and the log prefix. */
  name: string;
  defaultPort: number;
  /** Environment variable that overrides the port, e.g. AUTH_PORT. */
  portVar: string;
  /** Its own database, or null for the gateway. */
  database: string | null;
  /** Environment variable holding a full URL of its database, e.g. DATABASE_URL_AUTH. */
  databaseUrlVar: string | null;
  /** Variable under which the other processes learn its URL, e.g. AUTH_SERVICE_URL. */
  urlVar: string;
  /**
   * Works only off the event queue, never on a request's path: it runs at a lower CPU priority,
   * so that on one box a burst of requests is not slowed by the mails it causes (ADR 0006).
   */
  background: boolean;
}

function service(
  name: string,
  defaultPort: number,
  options: { database: boolean; background?: boolean },
): ServiceSpec {
  const upper = name.toUpperCase();
  return {
    name,
    defaultPort,
    portVar: `${upper}_PORT`,
    database: options.database ? `${name}_db` : null,
    databaseUrlVar: options.database ? `DATABASE_URL_${upper}` : null,
    urlVar: `${upper}_SERVICE_URL`,
    background: options.background ?? false,
  };
}

/** The nice value of background services (0 is normal, 19 the lowest priority). */
export const BACKGROUND_NICENESS = 10;

export const GATEWAY = service('gateway', 3000, { database: false });

/** Every service behind the gateway, in start order (auth first: the others talk to it). */
export const BACKEND_SERVICES: readonly ServiceSpec[] = [
  service('auth', 3001, { database: true }),
  service('booking', 3002, { database: true }),
  service('business', 3003, { database: true }),
  service('resource', 3004, { database: true }),
  service('notification', 3005, { database: true, background: true }),
  service('payment', 3006, { database: true }),
];

export const ALL_SERVICES: readonly ServiceSpec[] = [...BACKEND_SERVICES, GATEWAY];

/** Workspaces the services import at run time, built before them, in this order. */
export const RUNTIME_PACKAGES: readonly string[] = ['packages/contracts', 'packages/platform'];

/** The event queue's database (pg-boss), used when no AMQP_URL is given. */
export const EVENTS_DATABASE = { name: 'events_db', urlVar: 'DATABASE_URL_EVENTS' } as const;

export const DEFAULTS = {
  /**
   * Below Linux's ephemeral range (32768–60999), like every default port here: a port in it can
   * be held for a minute by an outgoing connection's TIME_WAIT (at the end of `npm test`, 54328
   * and 54330 were), and then PostgreSQL cannot listen on it. Not 5432: a local server's.
   */
  embeddedPostgresPort: 25432,
  maildevSmtpPort: 1025,
  maildevWebPort: 1080,
  webDevPort: 5173,
  readyTimeoutSeconds: 90,
  adminEmail: 'admin@slotwise.local',
  jwtIssuer: 'slotwise-auth',
  jwtAudience: 'slotwise-api',
} as const;
