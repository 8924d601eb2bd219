import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  assertDistinctPorts,
  LauncherConfigError,
  parseLauncherEnv,
  type LauncherSettings,
} from './config.js';
import { needsEmbeddedPostgres, planDatabases, type DatabasePlan } from './databases.js';
import { out } from './output.js';
import { describeBusyPorts, findBusyPorts, type PortClaim } from './ports.js';
import { reachableDataDir, stopOrphanedPostgres } from './postgres.js';
import { planInstances, REPLICA_PORT_STEP } from './replicas.js';
import { reclaim } from './runfile.js';
import { loadSecrets, type LocalSecrets } from './secrets.js';
import { ALL_SERVICES, type ServiceSpec } from './services.js';

/** Everything decided before anything is started. */
export interface LaunchPlan {
  settings: LauncherSettings;
  rootDir: string;
  dataDir: string;
  runFile: string;
  /** Services that exist and have a src/main.ts, gateway last. */
  running: ServiceSpec[];
  databases: DatabasePlan[];
  /** Data directory of the embedded PostgreSQL, or null when every database has a URL. */
  embeddedPostgresDir: string | null;
  secrets: LocalSecrets;
}

/**
 * A service whose folder does not exist yet is skipped silently; one whose folder exists without
 * src/main.ts is being written and is skipped with a note.
 */
export function discoverServices(rootDir: string, note: (message: string) => void): ServiceSpec[] {
  return ALL_SERVICES.filter((service) => {
    const dir = join(rootDir, 'services', service.name);
    if (!existsSync(dir)) return false;
    if (existsSync(join(dir, 'src', 'main.ts'))) return true;
    note(`services/${service.name} has no src/main.ts yet: skipped`);
    return false;
  });
}

export function portClaims(
  plan: Pick<LaunchPlan, 'settings' | 'running' | 'embeddedPostgresDir'>,
  watch = false,
): PortClaim[] {
  const { settings } = plan;
  // Every instance: booking#1 on BOOKING_PORT+100, and so on.
  const claims: PortClaim[] = planInstances(plan.running, settings).map((instance) => ({
    owner: `${instance.service.portVar}${instance.index > 0 ? `+${REPLICA_PORT_STEP * instance.index}` : ''}, ${instance.name}`,
    port: instance.port,
  }));
  if (plan.embeddedPostgresDir) {
    claims.push({
      owner: 'EMBEDDED_POSTGRES_PORT, embedded PostgreSQL',
      port: settings.embeddedPostgresPort,
    });
  }
  if (!settings.smtpUrl) {
    claims.push({ owner: 'MAILDEV_SMTP_PORT, MailDev SMTP', port: settings.maildevSmtpPort });
    claims.push({ owner: 'MAILDEV_WEB_PORT, MailDev inbox', port: settings.maildevWebPort });
  }
  if (watch && plan.running.some((service) => service.name === 'gateway')) {
    claims.push({ owner: 'WEB_DEV_PORT, web app dev server', port: settings.webDevPort });
  }
  return claims;
}

/**
 * Validates the environment, clears what a killed launcher left behind, and checks every port,
 * all before starting anything. Throws a LauncherConfigError (one line) on a bad variable or port.
 */
export async function preflight(
  rootDir: string,
  env: Record<string, string | undefined>,
  watch = false,
): Promise<LaunchPlan> {
  const settings = parseLauncherEnv(env);
  const running = discoverServices(rootDir, (message) => out.warn(message));
  const dataDir = settings.dataDir ? resolve(settings.dataDir) : join(rootDir, '.data');
  // PostgreSQL (another user when run as root) must be able to enter it to reach its own folder.
  await mkdir(dataDir, { recursive: true });
  if (process.getuid?.() === 0) await chmod(dataDir, 0o755);
  const runFile = join(dataDir, 'launcher.json');
  await reclaim(runFile, (message) => out.step(message));

  const databases = planDatabases(running, settings, rootDir);
  let embeddedPostgresDir: string | null = null;
  if (needsEmbeddedPostgres(databases)) {
    const preferred = settings.embeddedPostgresDir
      ? resolve(settings.embeddedPostgresDir)
      : join(dataDir, 'postgres');
    embeddedPostgresDir = await reachableDataDir(preferred, rootDir);
    if (embeddedPostgresDir !== preferred) {
      out.warn(
        `the postgres user cannot enter ${preferred}: PostgreSQL keeps its data in ${embeddedPostgresDir}`,
      );
    }
    await stopOrphanedPostgres(embeddedPostgresDir, (message) => out.step(message));
  }

  const claims = portClaims({ settings, running, embeddedPostgresDir }, watch);
  assertDistinctPorts(
    claims.map((claim) => ({ variable: claim.owner.split(',')[0] ?? '', port: claim.port })),
  );
  const busy = await findBusyPorts(claims);
  if (busy.length > 0) throw new LauncherConfigError(describeBusyPorts(busy));

  const secrets = await loadSecrets(
    join(dataDir, 'secrets.json'),
    running.map((service) => service.name),
  );
  return { settings, rootDir, dataDir, runFile, running, databases, embeddedPostgresDir, secrets };
}
