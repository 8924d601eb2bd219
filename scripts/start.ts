/**
 * `npm start`: the whole platform on one machine with one command (`npm run dev`: from source,
 * restarting on change). See scripts/launcher/ for how, and the README for the variables.
 */
import { fileURLToPath } from 'node:url';
import { runLauncher } from './launcher/launcher.js';
import { out } from './launcher/output.js';

const USAGE = `Usage: npm start            build what changed, start everything, Ctrl-C stops it
       npm run dev          the same from source, each service restarting when its code changes`;

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--watch');
if (args.includes('--help') || args.includes('-h')) {
  out.line(USAGE);
  process.exit(0);
}
if (unknown.length > 0) {
  out.error(`unknown argument ${unknown.join(' ')}\n${USAGE}`);
  process.exit(1);
}

runLauncher({
  rootDir: fileURLToPath(new URL('..', import.meta.url)),
  watch: args.includes('--watch'),
  env: process.env,
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    out.error(`launcher failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
