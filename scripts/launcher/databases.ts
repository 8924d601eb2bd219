import { existsSync } from 'node:fs';
import { join } from 'node:path';
// The launcher runs under `node --import tsx` without the `source` export condition, so the
// platform's TypeScript source is imported by path (its dist/ may not be built yet).
import { ensureDatabase, withDatabase } from '../../packages/platform/src/db/ensure-database.js';
import { migrate } from '../../packages/platform/src/db/migrate.js';
import type { LauncherSettings } from './config.js';
import { EVENTS_DATABASE, type ServiceSpec } from './services.js';

export type DatabaseSource = 'explicit' | 'server' | 'embedded';

export interface DatabasePlan {
  /** Service name, or "events" for the event queue's database. */
  owner: string;
  database: string;
  /** Known URL, or null when it lives on the embedded server (known once that is started). */
  url: string | null;
  source: DatabaseSource;
  migrationsDir: string | null;
}

/**
 * Where each database lives: its own DATABASE_URL_<NAME>, else on the POSTGRES_URL server, else
 * on the embedded server. The embedded server is started only if some database needs it.
 */
export function planDatabases(
  services: readonly ServiceSpec[],
  settings: LauncherSettings,
  rootDir: string,
): DatabasePlan[] {
  const plan = (owner: string, database: string, urlVar: string, migrationsDir: string | null) => {
    const explicit = settings.databaseUrls[urlVar];
    if (explicit)
      return { owner, database, url: explicit, source: 'explicit' as const, migrationsDir };
    if (settings.postgresUrl) {
      const url = withDatabase(settings.postgresUrl, database);
      return { owner, database, url, source: 'server' as const, migrationsDir };
    }
    return { owner, database, url: null, source: 'embedded' as const, migrationsDir };
  };
  const plans: DatabasePlan[] = services.flatMap((service) => {
    if (!service.database || !service.databaseUrlVar) return [];
    const migrations = join(rootDir, 'services', service.name, 'prisma', 'migrations');
    const migrationsDir = existsSync(migrations) ? migrations : null;
    return [plan(service.name, service.database, service.databaseUrlVar, migrationsDir)];
  });
  if (!settings.amqpUrl)
    plans.push(plan('events', EVENTS_DATABASE.name, EVENTS_DATABASE.urlVar, null));
  return plans;
}

export function needsEmbeddedPostgres(plans: readonly DatabasePlan[]): boolean {
  return plans.some((plan) => plan.source === 'embedded');
}

/** host:port/database, without credentials, for messages and the summary. */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

export interface ReadyDatabase extends DatabasePlan {
  url: string;
}

/** Creates every database that is missing and applies each service's migrations, in parallel. */
export async function prepareDatabases(
  plans: readonly DatabasePlan[],
  embeddedUrl: string | null,
  log: (message: string) => void,
): Promise<ReadyDatabase[]> {
  return Promise.all(
    plans.map(async (plan) => {
      const url = plan.url ?? withDatabase(embeddedUrl ?? '', plan.database);
      try {
        if (await ensureDatabase(url)) log(`created database ${plan.database}`);
        if (plan.migrationsDir) {
          const result = await migrate({
            connectionString: url,
            migrationsDir: plan.migrationsDir,
          });
          if (result.applied.length > 0) {
            log(
              `${plan.database}: applied ${result.applied.length} migration(s): ${result.applied.join(', ')}`,
            );
          }
        }
      } catch (error) {
        throw new Error(`database ${plan.database} (${describeUrl(url)}): ${explain(error, plan)}`);
      }
      return { ...plan, url };
    }),
  );
}

function explain(error: unknown, plan: DatabasePlan): string {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message;
  if (code === '28P01' && plan.source === 'embedded') {
    return `${message}: the embedded cluster was made with another password (was .data/secrets.json deleted?); delete the cluster's folder to start afresh`;
  }
  if (code === 'ECONNREFUSED') return `cannot connect (${message})`;
  return message;
}
