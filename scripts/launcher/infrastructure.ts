import { join } from 'node:path';
import { prepareDatabases, type ReadyDatabase } from './databases.js';
import type { Lifecycle } from './lifecycle.js';
import { startMailDev, type LocalMailServer } from './maildev.js';
import { out, prefix, seconds } from './output.js';
import { startEmbeddedPostgres } from './postgres.js';
import type { LaunchPlan } from './preflight.js';

/** Waits for both (so nothing is left half-started), then rethrows the first failure. */
export async function settleBoth<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b]);
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  return [first.value, second.value];
}

/** PostgreSQL (embedded unless every database has a URL), the databases, and MailDev. */
export async function startInfrastructure(
  plan: LaunchPlan,
  lifecycle: Lifecycle,
): Promise<{ databases: ReadyDatabase[]; mail: LocalMailServer | null }> {
  const { settings, dataDir } = plan;
  let embeddedUrl: string | null = null;
  if (plan.embeddedPostgresDir) {
    const started = Date.now();
    const postgres = await startEmbeddedPostgres({
      dataDir: plan.embeddedPostgresDir,
      port: settings.embeddedPostgresPort,
      password: plan.secrets.postgresPassword,
      logFile: join(dataDir, 'postgres.log'),
      log: (message) => out.step(message),
      warn: (message) => out.warn(message),
      signal: lifecycle.signal,
    });
    lifecycle.register(
      'PostgreSQL',
      () => postgres.stop(),
      () => void postgres.stop(true),
    );
    embeddedUrl = postgres.url;
    out.step(
      `PostgreSQL 18 (embedded) is ready on 127.0.0.1:${settings.embeddedPostgresPort} (${seconds(Date.now() - started)}; log in ${join(dataDir, 'postgres.log')})`,
    );
  }
  lifecycle.signal.throwIfAborted();
  const mailPromise = settings.smtpUrl ? Promise.resolve(null) : startMail(plan, lifecycle);
  const migrated = Date.now();
  const [mail, databases] = await settleBoth(
    mailPromise,
    prepareDatabases(plan.databases, embeddedUrl, (message) => out.step(message)),
  );
  out.step(`${databases.length} database(s) ready (${seconds(Date.now() - migrated)})`);
  return { databases, mail };
}

async function startMail(plan: LaunchPlan, lifecycle: Lifecycle): Promise<LocalMailServer> {
  const label = prefix('maildev', 5);
  const mail = await startMailDev({
    smtpPort: plan.settings.maildevSmtpPort,
    webPort: plan.settings.maildevWebPort,
    mailDirectory: join(plan.dataDir, 'maildev'),
    onMail: (line) => out.child(label, line),
    onLog: () => undefined,
  });
  lifecycle.register('MailDev', () => mail.stop());
  out.step(`MailDev is ready: SMTP ${mail.smtpUrl}, inbox ${mail.inboxUrl}`);
  return mail;
}
