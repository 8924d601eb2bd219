/** Reads an .ics the way a calendar does, and checks the physical form RFC 5545 asks for. */
export interface IcsDocument {
  /** Physical lines, as sent (without their CRLF). */
  physical: string[];
  /** Content lines, unfolded. */
  lines: string[];
}

export function readIcs(text: string): IcsDocument {
  if (!text.endsWith('\r\n')) throw new Error('The last line does not end with CRLF');
  if (/[^\r]\n|\r[^\n]/.test(text)) throw new Error('A line ends without CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  const lines = text
    .slice(0, -2)
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n');
  return { physical, lines };
}

/** The value of the first property called `name` (parameters included before the colon). */
export function property(lines: string[], name: string): string | undefined {
  return lines.find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));
}

/** The lines of the first `BEGIN:<component>` … `END:<component>` block. */
export function component(lines: string[], name: string): string[] {
  const start = lines.indexOf(`BEGIN:${name}`);
  const end = lines.indexOf(`END:${name}`, start);
  return start >= 0 && end > start ? lines.slice(start, end + 1) : [];
}
