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
