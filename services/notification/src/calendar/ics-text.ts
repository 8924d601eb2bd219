import type { LocalDateTime } from '../time/zoned-time.js';

/** RFC 5545 §3.1: content lines longer than this many octets are folded. */
const MAX_LINE_OCTETS = 75;

/** Drops control characters, which TEXT and parameter values may not hold (tab aside). */
function withoutControls(value: string): string {
  return Array.from(value)
    .filter((char) => {
      const code = char.codePointAt(0) ?? 0;
      return code === 9 || (code >= 32 && code !== 127);
    })
    .join('');
}

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, every kind of line
 * break as `\n`. Backslashes go first so the escapes added after are not escaped again.
 */
export function escapeText(value: string): string {
  return withoutControls(
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n'),
  );
}

/**
 * A parameter value (§3.2), always quoted: a business name may hold ":", ";" or ",", which would
 * end the parameter early, and a quoted value cannot hold a double quote, so those are dropped.
 */
export function quoteParam(value: string): string {
  return `"${withoutControls(value).replace(/"/g, '')}"`;
}

/**
 * Folds one content line at 75 octets (§3.1): each continuation starts with a space, which counts
 * towards its 75. Splits between code points, so a multi-byte UTF-8 character is never cut.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** The object as sent: every line folded, CRLF after each, the last one included. */
export function serializeLines(lines: readonly string[]): string {
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

/** A local DATE-TIME: `YYYYMMDDTHHMMSS`, meaningful only with a TZID. */
export function formatLocal(local: LocalDateTime): string {
  return (
    `${pad(local.year, 4)}${pad(local.month)}${pad(local.day)}` +
    `T${pad(local.hour)}${pad(local.minute)}${pad(local.second)}`
  );
}

/** The UTC fields of an instant (or of a wall clock shifted into a Date by its offset). */
export function utcFields(instant: Date): LocalDateTime {
  return {
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
    hour: instant.getUTCHours(),
    minute: instant.getUTCMinutes(),
    second: instant.getUTCSeconds(),
  };
}

/** A UTC DATE-TIME: `YYYYMMDDTHHMMSSZ`. */
export function formatUtc(instant: Date): string {
  return `${formatLocal(utcFields(instant))}Z`;
}

/** A UTC-OFFSET (§3.3.14): `+HHMM`; zero is `+0000`, as `-0000` is not allowed. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(minutes / 60))}${pad(minutes % 60)}`;
}
