/**
 * `npm start`: the whole platform on one machine with one command (`npm run dev`: from source,
 * restarting on change). See scripts/launcher/ for how, and the README for the variables.
 */
import { fileURLToPath } from 'node:url';
import { runLauncher } from './launcher/launcher.js';
import { out } from './launcher/output.js';
import { readStartArgs } from './launcher/start-args.js';

const USAGE = `Usage: npm start            build what changed, start everything, Ctrl-C stops it
       npm run dev          the same from source, each service restarting when its code changes
       npm start -- --replicas booking=3,gateway=2
                            several instances of a service (or REPLICAS=…), each on its port + 100 × k`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  out.line(USAGE);
  process.exit(0);
}
const parsed = readStartArgs(args);
if ('error' in parsed) {
  out.error(parsed.usage ? `${parsed.error}\n${USAGE}` : parsed.error);
  process.exit(1);
}

runLauncher({
  rootDir: fileURLToPath(new URL('..', import.meta.url)),
  watch: parsed.watch,
  // The flag wins over the variable; the launcher validates both the same way.
  env: parsed.replicas === undefined ? process.env : { ...process.env, REPLICAS: parsed.replicas },
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    out.error(`launcher failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
