import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { getPriority } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { assertDistinctPorts, LauncherConfigError, parseLauncherEnv } from '../launcher/config.js';
import { planDatabases } from '../launcher/databases.js';
import { serviceEnv, type EnvContext } from '../launcher/env.js';
import { formatLogLine } from '../launcher/logs.js';
import { describeBusyPorts, findBusyPorts, isPortFree } from '../launcher/ports.js';
import { portClaims } from '../launcher/preflight.js';
import { ALL_SERVICES, BACKGROUND_NICENESS, GATEWAY } from '../launcher/services.js';
import { Supervisor } from '../launcher/supervisor.js';

function configError(env: Record<string, string>): LauncherConfigError {
  try {
    parseLauncherEnv(env);
  } catch (error) {
    if (error instanceof LauncherConfigError) return error;
    throw error;
  }
  throw new Error('expected the environment to be rejected');
}

const byName = (name: string) => ALL_SERVICES.find((service) => service.name === name)!;

describe('launcher environment', () => {
  it('gives the documented defaults when nothing is set', () => {
    const settings = parseLauncherEnv({});
    expect(settings.ports).toMatchObject({
      gateway: 3000,
      auth: 3001,
      booking: 3002,
      payment: 3006,
    });
    expect(settings.embeddedPostgresPort).toBe(25432);
    expect([settings.maildevSmtpPort, settings.maildevWebPort]).toEqual([1025, 1080]);
    expect(settings.webDevPort).toBe(5173);
    expect(settings.logLevel).toBe('info');
    expect(settings.readyTimeoutMs).toBe(90_000);
    expect(settings.databaseUrls).toEqual({});
  });

  it('treats an empty variable as unset', () => {
    expect(parseLauncherEnv({ AUTH_PORT: '', REDIS_URL: '' })).toMatchObject({
      redisUrl: undefined,
    });
  });

  it('rejects a non-numeric port with one line naming the variable and the value', () => {
    const error = configError({ AUTH_PORT: 'abc' });
    expect(error.message).not.toContain('\n');
    expect(error.message).toMatch(/AUTH_PORT must be a port number .*"abc"/);
  });

  it('rejects a port out of range', () => {
    expect(configError({ MAILDEV_WEB_PORT: '70000' }).message).toContain('MAILDEV_WEB_PORT');
  });

  it('rejects a malformed database URL without echoing it (it may hold a password)', () => {
    const error = configError({ DATABASE_URL_BOOKING: 'mysql://user:hunter2@db/booking' });
    expect(error.message).toContain('DATABASE_URL_BOOKING');
    expect(error.message).not.toContain('hunter2');
  });

  it('rejects a database URL that names no database', () => {
    expect(configError({ DATABASE_URL_AUTH: 'postgresql://db:5432' }).message).toContain(
      'DATABASE_URL_AUTH',
    );
  });

  it('names every bad variable on the same line', () => {
    const error = configError({ GATEWAY_PORT: 'x', AMQP_URL: 'http://rabbit', LOG_LEVEL: 'loud' });
    expect(error.message.split('\n')).toHaveLength(1);
    for (const name of ['GATEWAY_PORT', 'AMQP_URL', 'LOG_LEVEL'])
      expect(error.message).toContain(name);
  });

  it('claims the web dev server port under `npm run dev` only, where the gateway runs', () => {
    const settings = parseLauncherEnv({ WEB_DEV_PORT: '5200' });
    const plan = { settings, running: [byName('gateway')], embeddedPostgresDir: null };
    const claimed = (watch: boolean) =>
      portClaims(plan, watch).filter((claim) => claim.owner.startsWith('WEB_DEV_PORT'));
    expect(claimed(true).map((claim) => claim.port)).toEqual([5200]);
    expect(claimed(false)).toEqual([]);
    expect(
      portClaims({ ...plan, running: [byName('auth')] }, true).some((c) => c.port === 5200),
    ).toBe(false);
  });

  it('rejects two listeners configured on one port', () => {
    expect(() =>
      assertDistinctPorts([
        { variable: 'AUTH_PORT', port: 4000 },
        { variable: 'GATEWAY_PORT', port: 4000 },
      ]),
    ).toThrow(/AUTH_PORT and GATEWAY_PORT are both 4000/);
  });
});

describe('port-in-use detection', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  async function listen(host: string): Promise<number> {
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(0, host, resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    return address.port;
  }

  it('sees a port taken on loopback as busy, and names its variable', async () => {
    const port = await listen('127.0.0.1');
    expect(await isPortFree(port)).toBe(false);
    const busy = await findBusyPorts([
      { owner: 'AUTH_PORT, auth', port },
      { owner: 'GATEWAY_PORT, gateway', port: 0 },
    ]);
    expect(busy).toEqual([{ owner: 'AUTH_PORT, auth', port }]);
    expect(describeBusyPorts(busy)).toContain(`${port} (AUTH_PORT, auth)`);
  });

  it('sees a port taken on the wildcard address as busy', async () => {
    const port = await listen('0.0.0.0');
    expect(await isPortFree(port)).toBe(false);
  });

  it('sees a released port as free', async () => {
    const port = await listen('127.0.0.1');
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    expect(await isPortFree(port)).toBe(true);
  });
});

describe('databases and service environment', () => {
  const services = [byName('auth'), byName('booking'), GATEWAY];

  it('puts every database on POSTGRES_URL unless a service has its own URL', () => {
    const settings = parseLauncherEnv({
      POSTGRES_URL: 'postgresql://pg:secret@db.internal:5432/postgres',
      DATABASE_URL_BOOKING: 'postgresql://other:5433/bookings',
    });
    const plans = planDatabases(services, settings, '/nowhere');
    expect(plans.map((plan) => [plan.database, plan.url, plan.source])).toEqual([
      ['auth_db', 'postgresql://pg:secret@db.internal:5432/auth_db', 'server'],
      ['booking_db', 'postgresql://other:5433/bookings', 'explicit'],
      ['events_db', 'postgresql://pg:secret@db.internal:5432/events_db', 'server'],
    ]);
  });

  it('needs no events database when AMQP_URL is set', () => {
    const settings = parseLauncherEnv({ AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672' });
    const plans = planDatabases(services, settings, '/nowhere');
    expect(plans.map((plan) => plan.database)).toEqual(['auth_db', 'booking_db']);
    expect(plans.every((plan) => plan.source === 'embedded')).toBe(true);
  });

  function context(inherited: Record<string, string> = {}): EnvContext {
    return {
      inherited,
      settings: parseLauncherEnv({ ...inherited, AUTH_PORT: '4001' }),
      running: services,
      databaseUrls: {
        auth: 'postgresql://h/auth_db',
        booking: 'postgresql://h/booking_db',
        events: 'postgresql://h/events_db',
      },
      smtpUrl: 'smtp://127.0.0.1:1025',
      secrets: {
        serviceClients: { auth: 'sa', booking: 'sb', gateway: 'sg' },
        adminPassword: 'p',
        authSecret: 'a'.repeat(48),
        postgresPassword: 'x',
      },
      adminPassword: 'admin-pass',
    };
  }

  it('gives auth the credentials of every service and follows a moved port', () => {
    const env = serviceEnv(byName('auth'), context());
    expect(env).toMatchObject({
      PORT: '4001',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgresql://h/auth_db',
      EVENTS_DATABASE_URL: 'postgresql://h/events_db',
      SERVICE_CLIENT_ID: 'auth',
      SERVICE_CLIENTS: 'auth:sa,booking:sb,gateway:sg',
      ADMIN_PASSWORD: 'admin-pass',
      AUTH_JWKS_URL: 'http://127.0.0.1:4001/api/auth/.well-known/jwks.json',
    });
  });

  it('gives the gateway the URLs of the services that run, and no database', () => {
    const env = serviceEnv(
      GATEWAY,
      context({ DATABASE_URL: 'postgresql://leak/db', FEATURE_X: 'on' }),
    );
    expect(env).toMatchObject({
      BOOKING_SERVICE_URL: 'http://127.0.0.1:3002',
      COOKIE_SECURE: 'false',
      FEATURE_X: 'on',
    });
    expect(env.PUBLIC_URL).toBe('http://localhost:3000');
    expect(env).not.toHaveProperty('DATABASE_URL');
    expect(env).not.toHaveProperty('PAYMENT_SERVICE_URL');
    expect(env).not.toHaveProperty('SERVICE_CLIENTS');
  });
});

describe('child log lines', () => {
  // eslint-disable-next-line no-control-regex -- colours are on when the output is a terminal
  const plain = (lines: string[]) => lines.map((line) => line.replace(/\u001b\[\d+m/g, ''));

  it('prints a pino line as time, level and message', () => {
    const line = JSON.stringify({
      level: 40,
      time: Date.UTC(2026, 0, 1, 9, 30),
      pid: 1,
      msg: 'slow query',
      ms: 812,
    });
    expect(plain(formatLogLine(line, 'pretty'))).toEqual(['09:30:00.000 WARN  slow query ms=812']);
  });

  it('reads a level given as a label', () => {
    const line = JSON.stringify({
      level: 'error',
      time: '2026-01-01T09:30:00.000Z',
      service: 'auth',
      msg: 'down',
    });
    expect(plain(formatLogLine(line, 'pretty'))).toEqual(['09:30:00.000 ERROR down']);
  });

  it('prints anything that is not a pino line as it is', () => {
    expect(formatLogLine('plain text', 'pretty')).toEqual(['plain text']);
    expect(formatLogLine('{"level":30}', 'json')).toEqual(['{"level":30}']);
  });
});

describe('supervised children', () => {
  it('runs a background service at a lower CPU priority, and the others at the normal one', async () => {
    expect(ALL_SERVICES.filter((s) => s.background).map((s) => s.name)).toEqual(['notification']);
    const supervisor = new Supervisor({ format: 'pretty', onGiveUp: () => undefined });
    const child = (name: string, niceness?: number) =>
      supervisor.start({
        name,
        command: process.execPath,
        args: ['-e', 'setTimeout(() => {}, 30000)'],
        cwd: process.cwd(),
        env: { PATH: process.env.PATH ?? '' },
        ...(niceness === undefined ? {} : { niceness }),
      });
    const background = child('background', BACKGROUND_NICENESS);
    const foreground = child('foreground');
    try {
      expect(getPriority(background)).toBe(BACKGROUND_NICENESS);
      expect(getPriority(foreground)).toBe(0);
      // Linux with autogroup scheduling: the child's session group is niced too.
      const autogroup = (pid: number) =>
        existsSync(`/proc/${pid}/autogroup`)
          ? readFileSync(`/proc/${pid}/autogroup`, 'utf8').trim().split(' ').at(-1)
          : undefined;
      const expected = existsSync('/proc/self/autogroup') ? ['10', '0'] : [undefined, undefined];
      expect([autogroup(background), autogroup(foreground)]).toEqual(expected);
    } finally {
      await supervisor.stop(['background', 'foreground'], 2_000);
    }
  });
});
