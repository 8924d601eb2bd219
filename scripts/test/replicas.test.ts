import { describe, expect, it } from 'vitest';
import { assertDistinctPorts, LauncherConfigError, parseLauncherEnv } from '../launcher/config.js';
import { serviceEnv, type EnvContext } from '../launcher/env.js';
import { portClaims } from '../launcher/preflight.js';
import { parseReplicas, planInstances } from '../launcher/replicas.js';
import { ALL_SERVICES } from '../launcher/services.js';
import { readStartArgs } from '../launcher/start-args.js';
import { summaryRows } from '../launcher/summary.js';

const byName = (name: string) => ALL_SERVICES.find((service) => service.name === name)!;
const running = ['auth', 'booking', 'resource', 'gateway'].map(byName);

function rejection(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('--replicas and REPLICAS', () => {
  it('reads service=count pairs; a service not named runs once', () => {
    expect(parseReplicas('booking=3,gateway=2')).toEqual({ booking: 3, gateway: 2 });
    expect(parseReplicas(' booking=9 ')).toEqual({ booking: 9 });
    const settings = parseLauncherEnv({ REPLICAS: 'booking=3,gateway=2' });
    expect(settings.replicas).toMatchObject({ booking: 3, gateway: 2, auth: 1, payment: 1 });
    expect(parseLauncherEnv({}).replicas.booking).toBe(1);
  });

  it('refuses an unknown service, a count outside 1–9 and a malformed pair, in one line', () => {
    const cases: Array<[string, RegExp]> = [
      ['bookings=3', /unknown service "bookings" \(one of auth, booking, .*gateway\)/],
      ['booking=0', /booking=0: the count must be 1 to 9/],
      ['booking=10', /booking=10: the count must be 1 to 9/],
      ['booking', /"booking" is not service=count/],
      ['booking=2,booking=3', /booking is given twice/],
    ];
    for (const [text, message] of cases) {
      expect(rejection(() => parseReplicas(text))).toMatch(message);
      const fromEnv = rejection(() => parseLauncherEnv({ REPLICAS: text }));
      expect(fromEnv).toMatch(/^Invalid environment: REPLICAS /);
      expect(fromEnv).toMatch(message);
      expect(fromEnv).not.toContain('\n');
    }
  });

  it('takes the flag in both spellings and answers a bad one with one line, no usage', () => {
    expect(readStartArgs(['--replicas', 'booking=3,gateway=2'])).toEqual({
      watch: false,
      replicas: 'booking=3,gateway=2',
    });
    expect(readStartArgs(['--watch', '--replicas=booking=2'])).toEqual({
      watch: true,
      replicas: 'booking=2',
    });
    expect(readStartArgs([])).toEqual({ watch: false, replicas: undefined });
    expect(readStartArgs(['--replicas', 'cache=2'])).toEqual({
      error: expect.stringMatching(/^--replicas: unknown service "cache"/) as string,
      usage: false,
    });
    expect(readStartArgs(['--replicas'])).toMatchObject({ usage: false });
    expect(readStartArgs(['--verbose'])).toEqual({
      error: 'unknown argument --verbose',
      usage: true,
    });
  });

  it('refuses a port that leaves the last instance no room', () => {
    const message = rejection(() =>
      parseLauncherEnv({ BOOKING_PORT: '65500', REPLICAS: 'booking=2' }),
    );
    expect(message).toMatch(/BOOKING_PORT leaves no port for booking#1/);
    expect(() => parseLauncherEnv({ BOOKING_PORT: '65500' })).not.toThrow();
  });
});

describe('the port plan', () => {
  const settings = parseLauncherEnv({ REPLICAS: 'booking=3,gateway=2' });

  it('puts instance k of a service on its port + 100 × k, and claims every one', () => {
    expect(planInstances(running, settings).map((i) => [i.name, i.port])).toEqual([
      ['auth', 3001],
      ['booking#0', 3002],
      ['booking#1', 3102],
      ['booking#2', 3202],
      ['resource', 3004],
      ['gateway#0', 3000],
      ['gateway#1', 3100],
    ]);
    const claims = portClaims({ settings, running, embeddedPostgresDir: null });
    expect(claims.filter((c) => /booking|gateway/.test(c.owner))).toEqual([
      { owner: 'BOOKING_PORT, booking#0', port: 3002 },
      { owner: 'BOOKING_PORT+100, booking#1', port: 3102 },
      { owner: 'BOOKING_PORT+200, booking#2', port: 3202 },
      { owner: 'GATEWAY_PORT, gateway#0', port: 3000 },
      { owner: 'GATEWAY_PORT+100, gateway#1', port: 3100 },
    ]);
    expect(new Set(claims.map((c) => c.port)).size).toBe(claims.length);
  });

  it('names a clash between an instance and another port', () => {
    const clashing = parseLauncherEnv({ REPLICAS: 'booking=2', AUTH_PORT: '3102' });
    const claims = portClaims({ settings: clashing, running, embeddedPostgresDir: null });
    const toCheck = claims.map((c) => ({ variable: c.owner.split(',')[0]!, port: c.port }));
    expect(() => assertDistinctPorts(toCheck)).toThrow(LauncherConfigError);
    expect(() => assertDistinctPorts(toCheck)).toThrow(
      /AUTH_PORT and BOOKING_PORT\+100 are both 3102/,
    );
  });
});

describe('the environment of each instance', () => {
  function context(inherited: Record<string, string> = {}): EnvContext {
    return {
      inherited,
      settings: parseLauncherEnv({ ...inherited, REPLICAS: 'booking=3,gateway=2' }),
      running,
      databaseUrls: { auth: 'postgresql://h/auth_db', booking: 'postgresql://h/booking_db' },
      smtpUrl: undefined,
      secrets: {
        serviceClients: { auth: 'sa', booking: 'sb', resource: 'sr', gateway: 'sg' },
        adminPassword: 'p',
        authSecret: 'a'.repeat(48),
        postgresPassword: 'x',
      },
      adminPassword: 'admin-pass',
    };
  }

  it('gives every gateway the URL of every instance, and each instance its own port', () => {
    for (const index of [0, 1]) {
      const env = serviceEnv(byName('gateway'), context(), index);
      expect(env.PORT).toBe(String(3000 + 100 * index));
      expect(env.BOOKING_SERVICE_URL).toBe(
        'http://127.0.0.1:3002,http://127.0.0.1:3102,http://127.0.0.1:3202',
      );
      expect(env.RESOURCE_SERVICE_URL).toBe('http://127.0.0.1:3004');
      // Nothing balances the gateways here: they stop at once.
      expect(env.SHUTDOWN_DRAIN_MS).toBe('0');
    }
    const third = serviceEnv(byName('booking'), context(), 2);
    expect(third).toMatchObject({ PORT: '3202', DATABASE_URL: 'postgresql://h/booking_db' });
  });

  it('lets a balanced instance drain on its way out, and a lone one stop at once', () => {
    expect(serviceEnv(byName('booking'), context(), 1)).not.toHaveProperty('SHUTDOWN_DRAIN_MS');
    expect(serviceEnv(byName('resource'), context()).SHUTDOWN_DRAIN_MS).toBe('0');
    expect(
      serviceEnv(byName('resource'), context({ SHUTDOWN_DRAIN_MS: '500' })).SHUTDOWN_DRAIN_MS,
    ).toBe('500');
  });

  it('gives a service that calls a replicated one its first instance', () => {
    const settings = parseLauncherEnv({ REPLICAS: 'resource=2' });
    const env = serviceEnv(byName('booking'), { ...context(), settings });
    expect(env.RESOURCE_SERVICE_URL).toBe('http://127.0.0.1:3004');
  });
});

describe('the start table', () => {
  it('has a row per instance: name#k, its URL, its service’s database', () => {
    const settings = parseLauncherEnv({ REPLICAS: 'booking=3,gateway=2' });
    const rows = summaryRows(planInstances(running, settings), [
      {
        owner: 'booking',
        database: 'booking_db',
        url: 'postgresql://slotwise:secret@127.0.0.1:25432/booking_db',
        source: 'embedded',
        migrationsDir: null,
      },
    ]);
    expect(rows.map((row) => [row.name, row.url])).toEqual([
      ['auth', 'http://127.0.0.1:3001'],
      ['booking#0', 'http://127.0.0.1:3002'],
      ['booking#1', 'http://127.0.0.1:3102'],
      ['booking#2', 'http://127.0.0.1:3202'],
      ['resource', 'http://127.0.0.1:3004'],
      ['gateway#0', 'http://127.0.0.1:3000'],
      ['gateway#1', 'http://127.0.0.1:3100'],
    ]);
    const databases = rows.filter((row) => row.name.startsWith('booking')).map((r) => r.database);
    expect(new Set(databases).size).toBe(1);
    expect(databases[0]).toMatch(/booking_db \(embedded\)$/);
    expect(databases[0]).not.toContain('secret');
    expect(rows.find((row) => row.name === 'gateway#1')!.database).toBe('—');
  });
});
