import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Local secrets, generated once and kept in `.data/secrets.json` (mode 0600) so that restarts keep
 * working with the same database password, service credentials and admin login.
 */
export interface LocalSecrets {
  /** SERVICE_CLIENT_SECRET of each service by name. */
  serviceClients: Record<string, string>;
  adminPassword: string;
  /** AUTH_SECRET: the OTP pepper and grace-seal key of the auth service. */
  authSecret: string;
  /** Password of the embedded PostgreSQL's superuser. */
  postgresPassword: string;
}

function generate(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

async function readExisting(file: string): Promise<Partial<LocalSecrets>> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`${file} is unreadable (${(error as Error).message}); fix or delete it`);
  }
}

/** Loads the secrets, adding whatever is missing (a service that appeared since) and saving. */
export async function loadSecrets(
  file: string,
  serviceNames: readonly string[],
): Promise<LocalSecrets> {
  const existing = await readExisting(file);
  const secrets: LocalSecrets = {
    serviceClients: { ...(existing.serviceClients ?? {}) },
    adminPassword: existing.adminPassword ?? generate(12),
    authSecret: existing.authSecret ?? generate(48),
    postgresPassword: existing.postgresPassword ?? generate(),
  };
  for (const name of serviceNames) secrets.serviceClients[name] ??= generate(32);

  const changed =
    existing.adminPassword !== secrets.adminPassword ||
    existing.authSecret !== secrets.authSecret ||
    existing.postgresPassword !== secrets.postgresPassword ||
    serviceNames.some((name) => existing.serviceClients?.[name] === undefined);
  if (changed) {
    await mkdir(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, file);
  }
  await chmod(file, 0o600);
  return secrets;
}
