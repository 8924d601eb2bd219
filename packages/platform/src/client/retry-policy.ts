export interface BackoffOptions {
  /** Ceiling of the first retry's delay. Default 50 ms. */
  baseMs: number;
  /** No delay is ever longer than this. Default 1000 ms. */
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 50, maxMs: 1_000 };

const idempotentMethods = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** RFC 9110's idempotent methods; a call may override this either way. */
export function isIdempotentMethod(method: string): boolean {
  return idempotentMethods.has(method.toUpperCase());
}

/**
 * "Full jitter" exponential backoff: a uniform delay in [0, min(max, base * 2^attempt)). Jitter
 * matters more than the exponent here: every instance of a caller sees the same upstream fail at
 * the same moment, and without it they would all come back in lock-step.
 */
export function backoffDelay(
  attempt: number,
  { baseMs, maxMs }: BackoffOptions = defaultBackoff,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * Errors raised before a single byte of the request left this process: no connection was made, so
 * the upstream cannot have acted on it. Such a failure is safe to retry even for a POST. Anything
 * later (a reset socket, a timeout while waiting for the answer) may have reached the upstream's
 * handler, and repeating a non-idempotent call could then do its effect twice.
 */
const nothingSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export function failedBeforeSending(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && nothingSentCodes.has(code);
}
