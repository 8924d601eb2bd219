import { paint, type Color } from './output.js';

/**
 * The children log pino JSON. "json" prints each line as is; "pretty" prints time, level and
 * message, then the other fields compactly, and an error's stack under it.
 */
export type LogFormat = 'pretty' | 'json';

const LEVELS: Record<string, { label: string; color: Color }> = {
  trace: { label: 'TRACE', color: 'gray' },
  debug: { label: 'DEBUG', color: 'gray' },
  info: { label: 'INFO ', color: 'green' },
  warn: { label: 'WARN ', color: 'yellow' },
  error: { label: 'ERROR', color: 'red' },
  fatal: { label: 'FATAL', color: 'red' },
};
// pino's numbers, for a logger that does not format its level as a label.
const NUMBERED = ['', 'trace', 'debug', 'info', 'warn', 'error', 'fatal'];

function levelOf(value: unknown): { label: string; color: Color } | null {
  const name = typeof value === 'number' ? NUMBERED[Math.floor(value / 10)] : value;
  return typeof name === 'string' ? (LEVELS[name] ?? null) : null;
}

const NOISE = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'v', 'service', 'name', 'err']);
const MAX_EXTRA = 300;

function clock(time: unknown): string {
  const date = typeof time === 'number' || typeof time === 'string' ? new Date(time) : new Date();
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(11, 23);
}

function compact(value: unknown): string {
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value) ?? String(value);
}

interface PinoError {
  type?: string;
  message?: string;
  stack?: string;
}

/** Lines to print for one line a child wrote. */
export function formatLogLine(line: string, format: LogFormat): string[] {
  if (format === 'json' || !line.startsWith('{')) return [line];
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return [line];
  }
  const level = levelOf(record.level);
  if (!level) return [line];
  const extras = Object.entries(record)
    .filter(([key]) => !NOISE.has(key))
    .map(([key, value]) => `${key}=${compact(value)}`)
    .join(' ');
  const shownExtras = extras.length > MAX_EXTRA ? `${extras.slice(0, MAX_EXTRA)}…` : extras;
  const message = typeof record.msg === 'string' ? record.msg : '';
  const head = [
    paint('gray', clock(record.time)),
    paint(level.color, level.label),
    message,
    paint('gray', shownExtras),
  ];
  const lines = [head.filter(Boolean).join(' ')];
  const error = record.err as PinoError | undefined;
  if (error && typeof error === 'object') {
    const stack = error.stack ?? `${error.type ?? 'Error'}: ${error.message ?? ''}`;
    lines.push(...stack.split('\n').map((text) => `    ${text}`));
  }
  return lines;
}
