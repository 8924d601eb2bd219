import type { FieldError } from '../errors/error-envelope.js';

/** Deeper JSON than any route takes (resource metadata is the deepest, a few levels). */
export const MAX_INPUT_DEPTH = 32;

/**
 * C0 control characters but tab, newline and carriage return, and the byte-order mark: no text a
 * person types holds them, PostgreSQL refuses NUL in text (a 500 if it got that far), and a BOM
 * makes two names that look the same differ.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFEFF]/;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): string | null {
  if (FORBIDDEN.test(text)) return 'must not contain control characters or a byte-order mark';
  // A lone UTF-16 surrogate cannot be encoded as UTF-8: the database would refuse it.
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (a lone surrogate is not)';
  return null;
}

/**
 * The first problem of a parsed input (body, query string or path parameters), with its field
 * as validation errors name it (`body.notes`, `querystring.search`): text that no column can
 * store, a key that is such text, or nesting deeper than {@link MAX_INPUT_DEPTH}. One rule for
 * every route of every service, checked before the route's own schema.
 */
export function inputProblem(value: unknown, field: string, depth = 0): FieldError | null {
  if (typeof value === 'string') {
    const message = textProblem(value);
    return message ? { field, message } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_INPUT_DEPTH) {
    return { field, message: `must not be nested deeper than ${MAX_INPUT_DEPTH} levels` };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const problem = inputProblem(value[i], `${field}.${i}`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyMessage = textProblem(key);
    if (keyMessage) return { field: `${field}.(key)`, message: `a key ${keyMessage}` };
    const problem = inputProblem(item, `${field}.${key}`, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/**
 * A body sent to a route that takes none: refused like any unknown field (API.md), or a client
 * would believe that what it sent (`{"reason": …}` with a DELETE) did something. No body, `null`
 * and `{}` are nothing, what many clients send with a command; raw bytes (a Buffer) are for the
 * route to read itself (the gateway forwards them, a webhook checks their signature).
 */
export function unexpectedBody(body: unknown): FieldError | null {
  if (body === undefined || body === null || Buffer.isBuffer(body)) return null;
  const empty = typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0;
  return empty ? null : { field: 'body', message: 'must be empty: this route takes no body' };
}

/**
 * The first key that appears twice in one object of a JSON text, or null. JSON.parse keeps the
 * last one silently, so `{"status":"PENDING","status":"CONFIRMED"}` would mean whatever the parser
 * in front of us chose: an ambiguity a client never needs, refused like any other malformed input.
 * `text` must already be valid JSON (it is scanned after JSON.parse accepted it).
 */
export function duplicateKey(text: string): string | null {
  // One entry per open container: the keys seen so far in an object, null for an array.
  const open: (Set<string> | null)[] = [];
  let expectingKey = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (char === QUOTE) {
      let end = i + 1;
      let escaped = false;
      while (text.charCodeAt(end) !== QUOTE) {
        if (text.charCodeAt(end) === BACKSLASH) {
          escaped = true;
          end += 1;
        }
        end += 1;
      }
      if (expectingKey) {
        const key = escaped
          ? (JSON.parse(text.slice(i, end + 1)) as string)
          : text.slice(i + 1, end);
        const keys = open[open.length - 1]!;
        if (keys.has(key)) return key;
        keys.add(key);
        expectingKey = false;
      }
      i = end;
    } else if (char === OPEN_OBJECT) {
      open.push(new Set());
      expectingKey = true;
    } else if (char === OPEN_ARRAY) {
      open.push(null);
    } else if (char === CLOSE_OBJECT || char === CLOSE_ARRAY) {
      open.pop();
      expectingKey = false;
    } else if (char === COMMA) {
      expectingKey = open[open.length - 1] != null;
    }
  }
  return null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
