import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../errors/index.js';
import type { Role } from './roles.js';
import type { AccessClaims, TokenVerifier } from './token-verifier.js';

/** The caller, as routes see it after `authenticate`. */
export interface AuthUser {
  /** A user id; for a service token, the calling service's client id. */
  id: string;
  role: Role;
  claims: AccessClaims;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate` / `requireServiceToken`; absent on public routes. */
    user?: AuthUser;
  }
}

/** An async Fastify preHandler: it must return a promise, or Fastify waits for a `done` forever. */
export type PreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export interface AuthenticateOptions {
  /** Cookie read when there is no Authorization header. Default 'accessToken'; false: header only. */
  cookieName?: string | false;
  /** Let requests without any token through with no `request.user` (a bad token is still 401). */
  optional?: boolean;
}

function guard(check: (request: FastifyRequest) => void | Promise<void>): PreHandler {
  return async (request) => {
    await check(request);
  };
}

/** undefined: no header at all. A header in any other shape than `Bearer <token>` is refused. */
function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer +([^\s]+) *$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('Invalid Authorization header: expected Bearer <token>');
  return match[1];
}

/** Reads one cookie, preferring @fastify/cookie's parsed `request.cookies` when it is registered. */
function cookieValue(request: FastifyRequest, name: string): string | undefined {
  const parsed = (request as { cookies?: Record<string, string | undefined> }).cookies;
  if (parsed) return parsed[name] || undefined;
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1 || part.slice(0, separator).trim() !== name) continue;
    const raw = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(raw) || undefined;
    } catch {
      return raw || undefined;
    }
  }
  return undefined;
}

/**
 * The access token of a request: `Authorization: Bearer …`, or else the cookie (a browser's way
 * in; login sets it httpOnly). A malformed Authorization header is refused, not ignored.
 */
export function accessTokenOf(
  request: FastifyRequest,
  cookieName: string | false = 'accessToken',
): string | undefined {
  return bearerToken(request) ?? (cookieName ? cookieValue(request, cookieName) : undefined);
}

function toUser(claims: AccessClaims): AuthUser {
  return { id: claims.userId, role: claims.role, claims };
}

/**
 * Verifies the caller's access token and sets `request.user`. The cookie is the browser's way in
 * (login sets it httpOnly); CSRF protection for cookie-authenticated writes is the gateway's job.
 */
export function authenticate(
  verifier: TokenVerifier,
  options: AuthenticateOptions = {},
): PreHandler {
  const cookieName = options.cookieName ?? 'accessToken';
  return guard(async (request) => {
    const token = accessTokenOf(request, cookieName);
    if (token === undefined) {
      if (options.optional) return;
      throw unauthenticated();
    }
    request.user = toUser(await verifier.verify(token));
  });
}

/** After `authenticate`: 401 without a user, 403 for a role not listed. */
export function requireRole(...roles: Role[]): PreHandler {
  return guard((request) => {
    if (!request.user) throw unauthenticated();
    if (!roles.includes(request.user.role)) throw forbidden();
  });
}

export interface ServiceTokenGuardOptions {
  /** When set, the token's `aud` must name it (service tokens are minted per target service). */
  audience?: string;
}

/**
 * For internal routes: a service token in the Authorization header, and nothing else. Cookies are
 * not read, because no service sends one and a browser always does.
 */
export function requireServiceToken(
  verifier: TokenVerifier,
  options: ServiceTokenGuardOptions = {},
): PreHandler {
  return guard(async (request) => {
    const token = bearerToken(request);
    if (token === undefined) throw unauthenticated();
    const claims = await verifier.verify(token);
    if (options.audience !== undefined && !claims.aud.includes(options.audience)) {
      throw unauthenticated('Invalid access token');
    }
    if (claims.role !== 'SERVICE') throw forbidden('This endpoint is for internal services only');
    request.user = toUser(claims);
  });
}

/** For handlers behind `authenticate`: the user, typed as present. */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw unauthenticated();
  return request.user;
}
