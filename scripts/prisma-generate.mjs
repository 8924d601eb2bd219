// Generates the Prisma client of every service that has a schema. Runs after `npm install` and before
// a build. Prisma's CLI wants a schema engine it would download from a host this network may not
// reach; `generate` never calls it, so it gets a stub (docs/decisions/0002-migrations-without-the-prisma-engine.md).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const prismaCli = join(root, 'node_modules', 'prisma', 'build', 'index.js');
if (!existsSync(prismaCli)) {
  // A production install without dev dependencies: the clients were generated at build time.
  process.exit(0);
}

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: join(root, 'scripts', 'prisma-engine-stub.sh'),
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  PRISMA_GENERATE_NO_HINTS: '1',
  CHECKPOINT_DISABLE: '1',
};

const services = readdirSync(join(root, 'services')).filter((name) =>
  existsSync(join(root, 'services', name, 'prisma', 'schema.prisma')),
);
for (const name of services) {
  const cwd = join(root, 'services', name);
  const result = spawnSync(process.execPath, [prismaCli, 'generate'], {
    cwd,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(`prisma generate failed for ${name}:\n${result.stdout}${result.stderr}\n`);
    process.exit(1);
  }
  process.stdout.write(`prisma client generated for ${name}\n`);
}
