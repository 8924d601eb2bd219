import { parseReplicas } from './replicas.js';

export type StartArgs =
  | { watch: boolean; replicas: string | undefined }
  | {
      error: string;
      /** The command line itself is wrong, not a value: the usage follows the error. */
      usage: boolean;
    };

/**
 * `npm start`'s arguments: `--watch` (npm run dev) and `--replicas booking=3,gateway=2` (or
 * `--replicas=…`), whose value is checked here so that a typo ends in one line, at once.
 */
export function readStartArgs(args: readonly string[]): StartArgs {
  let watch = false;
  let replicas: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--watch') watch = true;
    else if (arg === '--replicas' || arg.startsWith('--replicas=')) {
      const value = arg === '--replicas' ? args[(index += 1)] : arg.slice('--replicas='.length);
      if (!value)
        return { error: '--replicas needs a value, e.g. booking=3,gateway=2', usage: false };
      try {
        parseReplicas(value);
      } catch (error) {
        return { error: `--replicas: ${(error as Error).message}`, usage: false };
      }
      replicas = value;
    } else return { error: `unknown argument ${arg}`, usage: true };
  }
  return { watch, replicas };
}
