import { paint, type Color } from './output.js';

/**
 * The children log pino JSON. "json" prints each line as is; "pretty" prints time, level and
 * message, then the other fields compactly, and an error's stack under it.
 */
export type LogFormat = 'pretty' | 'json';

const LEVELS: Record<number, { label: string; color: Color }> = {
  10: { label: 'TRACE', color: 'gray' },
  20: { label: 'DEBUG', color: 'gray' },
  30: { label: 'INFO ', color: 'green' },
  40: { label: 'WARN ', color: 'yellow' },
  50: { label: 'ERROR', color: 'red' },
  60: { label: 'FATAL', color: 'red' },
};

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
  if (typeof record.level !== 'number') return [line];
  const level = LEVELS[record.level] ?? { label: String(record.level).padEnd(5), color: 'gray' };
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
