import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * Builds only what changed since its last build: a workspace is out of date when a file or folder
 * under src/ (a deleted file changes its folder's time), its tsconfig or package.json is newer than
 * its last build. A restart with nothing changed costs a few milliseconds of stat calls.
 */
const STAMP = '.launcher-build';

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const inner = await Promise.all(entries.map((entry) => newestMtime(join(path, entry))));
  return Math.max(info.mtimeMs, ...inner);
}

async function lastBuilt(workspace: string): Promise<number> {
  const dist = join(workspace, 'dist');
  const times = await Promise.all(
    [join(dist, '.tsbuildinfo'), join(dist, STAMP)].map((file) =>
      stat(file).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    ),
  );
  return Math.max(...times);
}

export async function isOutOfDate(
  workspace: string,
  rootDir: string,
  entry: string | null,
): Promise<boolean> {
  if (entry && !existsSync(join(workspace, 'dist', entry))) return true;
  const built = await lastBuilt(workspace);
  const inputs = await Promise.all([
    newestMtime(join(workspace, 'src')),
    newestMtime(join(workspace, 'tsconfig.build.json')),
    newestMtime(join(workspace, 'package.json')),
    newestMtime(join(rootDir, 'tsconfig.base.json')),
  ]);
  return Math.max(...inputs) > built;
}

function run(
  command: string,
  args: string[],
  cwd: string,
  signal?: AbortSignal,
  env?: NodeJS.ProcessEnv,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    // With the launcher's abort signal: a Ctrl-C while building ends the compilers too.
    const child = spawn(command, args, { cwd, signal, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ code: 1, output: error.message }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

export class BuildError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
    this.name = 'BuildError';
  }
}

/** Regenerates the Prisma clients when a schema is newer than its generated client. */
export async function generatePrismaClients(
  rootDir: string,
  services: readonly string[],
  signal?: AbortSignal,
): Promise<boolean> {
  const stale = await Promise.all(
    services.map(async (name) => {
      const schema = join(rootDir, 'services', name, 'prisma', 'schema.prisma');
      if (!existsSync(schema)) return false;
      const client = join(rootDir, 'services', name, 'src', 'generated', 'prisma', 'client.ts');
      return (await newestMtime(schema)) > (await newestMtime(client));
    }),
  );
  if (!stale.some(Boolean)) return false;
  const script = join(rootDir, 'scripts', 'prisma-generate.mjs');
  const result = await run(process.execPath, [script], rootDir, signal);
  if (result.code !== 0) throw new BuildError('prisma generate failed', result.output);
  return true;
}

async function buildOne(workspace: string, rootDir: string, signal?: AbortSignal): Promise<void> {
  const tsc = join(rootDir, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = await run(process.execPath, [tsc, '-p', 'tsconfig.build.json'], workspace, signal);
  if (result.code !== 0) {
    throw new BuildError(`build of ${relative(rootDir, workspace)} failed`, result.output);
  }
  // tsc leaves .tsbuildinfo untouched when nothing changed (a file saved without edits): the stamp
  // records this build so that the next start does not run it again.
  const stamp = join(workspace, 'dist', STAMP);
  await writeFile(stamp, '');
  const now = new Date();
  await utimes(stamp, now, now);
}

export interface BuildTarget {
  /** Absolute folder of the workspace. */
  dir: string;
  /** File in dist/ that must exist (dist/main.js of a service), or null for a library. */
  entry: string | null;
}

/**
 * Builds the out-of-date libraries one after the other (the services need them), then the
 * out-of-date services two at a time. Returns the workspaces it built.
 */
export async function buildIfNeeded(
  libraries: readonly BuildTarget[],
  services: readonly BuildTarget[],
  rootDir: string,
  log: (message: string) => void,
  signal?: AbortSignal,
): Promise<string[]> {
  const built: string[] = [];
  const timed = async (target: BuildTarget) => {
    const started = Date.now();
    await buildOne(target.dir, rootDir, signal);
    const name = relative(rootDir, target.dir);
    built.push(name);
    log(`built ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  for (const library of libraries) {
    if (!existsSync(join(library.dir, 'tsconfig.build.json'))) continue;
    if (await isOutOfDate(library.dir, rootDir, library.entry)) await timed(library);
  }
  const stale: BuildTarget[] = [];
  for (const service of services) {
    if (await isOutOfDate(service.dir, rootDir, service.entry)) stale.push(service);
  }
  // Two at a time (a tsc per core); after a failure no new build starts, and the running one is
  // awaited so that no compiler is left behind.
  const queue = [...stale];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        await timed(next);
      } catch (error) {
        queue.length = 0;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled([worker(), worker()]);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  return built;
}

/**
 * Builds the web app (apps/web, with Vite) when its sources, index.html, Vite config or
 * package.json are newer than its last build, or it was never built: the gateway serves dist/.
 * Returns whether it built.
 */
export async function buildWebAppIfNeeded(
  rootDir: string,
  log: (message: string) => void,
  signal?: AbortSignal,
): Promise<boolean> {
  const dir = join(rootDir, 'apps', 'web');
  if (!existsSync(join(dir, 'package.json'))) return false;
  const stamp = join(dir, 'dist', STAMP);
  const built = existsSync(join(dir, 'dist', 'index.html'))
    ? await stat(stamp).then(
        (s) => s.mtimeMs,
        () => 0,
      )
    : 0;
  const inputs = await Promise.all(
    ['src', 'index.html', 'vite.config.ts', 'package.json'].map((entry) =>
      newestMtime(join(dir, entry)),
    ),
  );
  if (built > 0 && Math.max(...inputs) <= built) return false;
  const started = Date.now();
  const vite = join(rootDir, 'node_modules', 'vite', 'bin', 'vite.js');
  // Always a production build, whatever NODE_ENV the launcher runs under (under `test` or
  // `development`, Vite would bundle React's development runtime).
  const result = await run(process.execPath, [vite, 'build'], dir, signal, {
    ...process.env,
    NODE_ENV: 'production',
  });
  if (result.code !== 0) throw new BuildError('build of apps/web failed', result.output);
  await writeFile(stamp, '');
  const now = new Date();
  await utimes(stamp, now, now);
  log(`built apps/web in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
