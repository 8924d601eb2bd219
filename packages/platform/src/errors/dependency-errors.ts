/**
 * Whether an error says that a dependency is down, slow or saturated rather than that the request
 * or our code is wrong: the database refused or dropped the connection, restarted, ran out of
 * connections, cancelled a statement that ran past its timeout, or the pool had no connection to
 * give within its checkout timeout. Such a failure is a 503 with `Retry-After` (DESIGN.md), never
 * a 500, whichever service and whichever layer (pg, Prisma over the pg adapter) it came through.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  return causes(error).some(
    (e) =>
      unavailableCode(e.code) ||
      unavailableCode(e.originalCode) ||
      (typeof e.kind === 'string' && UNAVAILABLE_ADAPTER_KINDS.has(e.kind)) ||
      (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)),
  );
}

interface ErrorLike {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  meta?: { driverAdapterError?: { cause?: unknown } };
}

/** SQLSTATE classes and codes (PostgreSQL appendix A) that mean "not now", not "not this". */
const UNAVAILABLE_SQLSTATE = /^(08...|53...|57P0[1-4]|57014|55P03)$/;
/** Sockets that could not reach the server or lost it. */
const UNAVAILABLE_SOCKET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/** Prisma's "can't reach", "timed out", "server closed the connection", "pool timeout", "too many connections". */
const UNAVAILABLE_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);
/** @prisma/adapter-pg's names for the same. */
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
/** node-postgres says these in words only (no code). */
const UNAVAILABLE_MESSAGE =
  /^(timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|Query read timeout)/;

function unavailableCode(code: unknown): boolean {
  if (typeof code !== 'string') return false;
  return (
    UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET.has(code) || UNAVAILABLE_PRISMA.has(code)
  );
}

/** The error, what it wraps, and what those wrap (a bounded walk: causes can be cyclic). */
function causes(error: unknown): ErrorLike[] {
  const seen: ErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.length < 16) {
    const next: unknown = queue.shift();
    if (typeof next !== 'object' || next === null) continue;
    const e: ErrorLike = next;
    if (seen.includes(e)) continue;
    seen.push(e);
    queue.push(e.cause, e.meta?.driverAdapterError?.cause);
    if (Array.isArray(e.errors)) queue.push(...(e.errors as unknown[]));
  }
  return seen;
}
