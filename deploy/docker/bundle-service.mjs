// Copies what one service needs at run time out of the built monorepo, for its container image
// (the Dockerfile's `bundle` stage):
//
//   node deploy/docker/bundle-service.mjs <service> <out-dir>
//
// - the service's dist/, package.json and prisma/migrations (for `node dist/migrate.js`);
// - the workspaces every service imports at run time (packages/platform and packages/contracts, as
//   the launcher builds them), dist/ and package.json, linked under node_modules/@slotwise/;
// - the npm packages those reach through their `dependencies`, installed `optionalDependencies`
//   and required `peerDependencies`, each from where Node would resolve it, and nothing else (npm's
//   own `--omit=dev --workspace` keeps every workspace's tree, a few hundred MB of test tooling);
// - for the gateway, the web app it serves (apps/web/dist);
// - service.json: the service's name and default port, for the healthcheck.
//
// It then reads every import of the copied code and fails when one does not resolve inside the
// bundle: a dependency that only hoisting made available in the monorepo stops the build, not
// the container at its first request.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
/** The workspaces the services import at run time (scripts/launcher/services.ts RUNTIME_PACKAGES). */
const RUNTIME_WORKSPACES = ['packages/contracts', 'packages/platform'];
/** Build output that has no use at run time. */
const NOT_SHIPPED = /(\.d\.ts|\.d\.ts\.map|\.js\.map|\.tsbuildinfo|\.launcher-build)$/;

function fail(message) {
  process.stderr.write(`bundle-service: ${message}\n`);
  process.exit(1);
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The folder of package `name` as Node resolves it from `fromDir`, or null. */
function resolvePackage(fromDir, name) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === ROOT || dir === dirname(dir)) return null;
  }
}

function copyWorkspace(workspace, out) {
  const from = join(ROOT, workspace);
  if (!existsSync(join(from, 'dist'))) fail(`${workspace} is not built (no dist/)`);
  cpSync(join(from, 'package.json'), join(out, workspace, 'package.json'));
  cpSync(join(from, 'dist'), join(out, workspace, 'dist'), {
    recursive: true,
    filter: (source) => !NOT_SHIPPED.test(source),
  });
}

/** Every package reachable from the workspaces' manifests; returns their folders under ROOT. */
function packageClosure(workspaces) {
  const found = new Set();
  const queue = workspaces.map((workspace) => join(ROOT, workspace));
  while (queue.length > 0) {
    const dir = queue.shift();
    const manifest = readJson(join(dir, 'package.json'));
    const optionalPeers = manifest.peerDependenciesMeta ?? {};
    // An optional peer is used only when the application has it for its own sake (Prisma's
    // client names its CLI so): then another manifest brings it.
    const wanted = [
      ...Object.keys(manifest.dependencies ?? {}).map((name) => [name, true]),
      ...Object.keys(manifest.optionalDependencies ?? {}).map((name) => [name, false]),
      ...Object.keys(manifest.peerDependencies ?? {})
        .filter((name) => !optionalPeers[name]?.optional)
        .map((name) => [name, true]),
    ];
    for (const [name, required] of wanted) {
      const location = resolvePackage(dir, name);
      if (!location) {
        if (required) fail(`${relative(ROOT, dir) || '.'} needs ${name}, which is not installed`);
        continue;
      }
      const key = relative(ROOT, location);
      // A workspace reached by name is one of the runtime workspaces, copied apart.
      if (!key.startsWith('node_modules') || key.startsWith(`node_modules${sep}@slotwise${sep}`)) {
        continue;
      }
      if (found.has(key)) continue;
      found.add(key);
      queue.push(location);
    }
  }
  return [...found].sort();
}

function copyPackages(keys, out) {
  for (const key of keys) {
    cpSync(join(ROOT, key), join(out, key), {
      recursive: true,
      dereference: false,
      // Nested node_modules are packages of their own, copied when the closure reaches them.
      filter: (source) => !relative(join(ROOT, key), source).split(sep).includes('node_modules'),
    });
  }
}

function linkWorkspaces(workspaces, out) {
  for (const workspace of workspaces) {
    const { name } = readJson(join(ROOT, workspace, 'package.json'));
    const link = join(out, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), join(out, workspace)), link);
  }
}

function* codeFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* codeFiles(path);
    else if (/\.(m|c)?js$/.test(entry.name)) yield path;
  }
}

// A module specifier has no white space: that keeps prose such as "from ' ... '" out.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"\s]+)['"]/g;
const BUILTINS = new Set(builtinModules);

/** The bare imports of the copied workspaces that resolve to nothing inside the bundle. */
function unresolvedImports(workspaces, out) {
  const missing = [];
  for (const workspace of workspaces) {
    for (const file of codeFiles(join(out, workspace, 'dist'))) {
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
        const parts = specifier.split('/');
        const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
        if (BUILTINS.has(name)) continue;
        if (!resolveIn(out, dirname(file), name)) {
          missing.push(`${relative(out, file)} imports ${specifier}`);
        }
      }
    }
  }
  return missing;
}

function resolveIn(out, fromDir, name) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return true;
    if (dir === out || dir === dirname(dir)) return false;
  }
}

/** The service's default port, read from its own config schema (the one `main.js` applies). */
async function defaultPort(service) {
  const module = await import(pathToFileURL(join(ROOT, 'services', service, 'dist', 'config.js')));
  for (const value of Object.values(module)) {
    const port = value?.shape?.PORT;
    if (port) return port.parse(undefined);
  }
  return fail(`services/${service}/dist/config.js exports no schema with a PORT`);
}

async function bundle(service, out) {
  if (!service || !out) fail('usage: bundle-service.mjs <service> <out-dir>');
  const serviceDir = `services/${service}`;
  if (!existsSync(join(ROOT, serviceDir, 'dist', 'main.js'))) {
    fail(`${serviceDir}/dist/main.js is missing: unknown service, or not built`);
  }
  rmSync(out, { recursive: true, force: true });
  const workspaces = [serviceDir, ...RUNTIME_WORKSPACES];
  for (const workspace of workspaces) copyWorkspace(workspace, out);
  const migrations = join(ROOT, serviceDir, 'prisma', 'migrations');
  if (existsSync(migrations)) {
    cpSync(migrations, join(out, serviceDir, 'prisma', 'migrations'), { recursive: true });
  }
  if (service === 'gateway') {
    const web = join(ROOT, 'apps', 'web', 'dist');
    if (!existsSync(join(web, 'index.html'))) fail('apps/web is not built (no dist/index.html)');
    cpSync(web, join(out, 'apps', 'web', 'dist'), {
      recursive: true,
      filter: (source) => !NOT_SHIPPED.test(source),
    });
  }
  copyPackages(packageClosure(workspaces), out);
  linkWorkspaces(RUNTIME_WORKSPACES, out);
  const missing = unresolvedImports(workspaces, out);
  if (missing.length > 0) fail(`imports that resolve to nothing:\n  ${missing.join('\n  ')}`);
  const port = await defaultPort(service);
  writeFileSync(join(out, 'service.json'), `${JSON.stringify({ service, port })}\n`);
}

await bundle(process.argv[2], process.argv[3] ? resolve(process.argv[3]) : undefined);
