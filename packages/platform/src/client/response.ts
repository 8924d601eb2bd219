import type { IncomingHttpHeaders } from 'node:http';
import { CommonErrors } from '../errors/index.js';

/** Anything with zod's `parse` shape, so this module does not tie callers to one zod version. */
export interface ParseSchema<T> {
  parse(data: unknown): T;
}

/** The API.md error envelope's inner object, when an upstream answered with one. */
export interface UpstreamError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * What a call returns once the upstream answered with a status below 500. A 4xx is an answer, not a
 * failure of the dependency: the caller decides what a 404 or 409 from upstream means for its own
 * request, so it gets the status and the upstream's error envelope rather than an exception.
 */
export type ServiceResponse<T> =
  | { ok: true; status: number; headers: IncomingHttpHeaders; body: T }
  | {
      ok: false;
      status: number;
      headers: IncomingHttpHeaders;
      body: unknown;
      error: UpstreamError | undefined;
    };

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

function isJson(headers: IncomingHttpHeaders): boolean {
  const type = headers['content-type'];
  return typeof type === 'string' && /[/+]json\b/i.test(type);
}

function contractBroken(upstream: string, cause: unknown): Error {
  // Our own services disagree about a contract: a bug to fix, not an outage to wait out, so a 500
  // rather than a 503 that would invite clients to retry.
  return CommonErrors.create('INTERNAL_ERROR', 'Something went wrong on our side', {
    cause: new Error(`Unexpected response body from ${upstream}`, { cause }),
  });
}

function envelopeError(body: unknown): UpstreamError | undefined {
  const error = (body as { error?: unknown } | null | undefined)?.error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, details } = error as Record<string, unknown>;
  if (typeof code !== 'string' || typeof message !== 'string') return undefined;
  return typeof details === 'object' && details !== null
    ? { code, message, details: details as Record<string, unknown> }
    : { code, message };
}

export function toServiceResponse<T>(
  upstream: string,
  raw: RawResponse,
  schema: ParseSchema<T> | undefined,
): ServiceResponse<T> {
  const ok = raw.status >= 200 && raw.status < 300;
  let body: unknown = raw.text === '' ? undefined : raw.text;
  if (raw.text !== '' && isJson(raw.headers)) {
    try {
      body = JSON.parse(raw.text) as unknown;
    } catch (error) {
      if (ok) throw contractBroken(upstream, error);
    }
  }
  if (!ok) {
    return { ok, status: raw.status, headers: raw.headers, body, error: envelopeError(body) };
  }
  if (!schema) return { ok, status: raw.status, headers: raw.headers, body: body as T };
  try {
    return { ok, status: raw.status, headers: raw.headers, body: schema.parse(body) };
  } catch (error) {
    throw contractBroken(upstream, error);
  }
}

/** An upstream's own `Retry-After` (seconds form), when it gave a usable one. */
export function retryAfterHeader(headers: IncomingHttpHeaders): number | undefined {
  const value = Number(headers['retry-after']);
  return Number.isInteger(value) && value > 0 && value <= 3600 ? value : undefined;
}
