/**
 * The launcher's only way to the terminal (eslint forbids console): its own lines, the children's
 * prefixed lines, and colours when stdout is a terminal.
 */
const useColor =
  process.env.NO_COLOR === undefined &&
  (process.env.FORCE_COLOR !== undefined || process.stdout.isTTY === true);

const CODES = {
  bold: 1,
  dim: 2,
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  gray: 90,
} as const;

export type Color = keyof typeof CODES;

export function paint(color: Color, text: string): string {
  return useColor ? `\u001b[${CODES[color]}m${text}\u001b[0m` : text;
}

const PREFIX_COLORS: readonly Color[] = ['cyan', 'magenta', 'blue', 'green', 'yellow', 'gray'];
const PREFIX_WIDTH = 13;

export function prefix(name: string, index: number): string {
  const color = PREFIX_COLORS[index % PREFIX_COLORS.length] ?? 'cyan';
  return paint(color, `${name.padEnd(PREFIX_WIDTH)}│`);
}

export const out = {
  /** A plain line on stdout. */
  line(text = ''): void {
    process.stdout.write(`${text}\n`);
  },
  /** A launcher step, prefixed like a child's line so the two interleave readably. */
  step(text: string): void {
    process.stdout.write(`${paint('bold', `${'launcher'.padEnd(PREFIX_WIDTH)}│`)} ${text}\n`);
  },
  warn(text: string): void {
    process.stderr.write(`${paint('yellow', `${'launcher'.padEnd(PREFIX_WIDTH)}│ ⚠`)} ${text}\n`);
  },
  error(text: string): void {
    process.stderr.write(`${paint('red', `${'launcher'.padEnd(PREFIX_WIDTH)}│ ✖`)} ${text}\n`);
  },
  /** A line of a child, after its prefix. */
  child(prefixText: string, text: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
    process[stream].write(`${prefixText} ${text}\n`);
  },
};

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Runs `fn` with console.info sent to `write`: MailDev prints an unconditional banner through it
 * when its web server listens, which would otherwise land unprefixed among the launcher's lines.
 */
export async function withConsoleInfo<T>(
  write: (text: string) => void,
  fn: () => Promise<T>,
): Promise<T> {
  /* eslint-disable no-console -- the one place that touches console, to redirect it */
  const original = console.info;
  console.info = (...args: unknown[]) => write(args.map(String).join(' '));
  try {
    return await fn();
  } finally {
    console.info = original;
  }
  /* eslint-enable no-console */
}
