import type { FastifyReply } from 'fastify';
import type { TokenPair } from './session.service.js';

export interface CookieSettings {
  secure: boolean;
  refreshTokenTtlSec: number;
}

/**
 * Browsers get the tokens as httpOnly cookies too, out of reach of scripts. SameSite=Strict keeps
 * other sites from riding on them; the refresh token is only ever sent to the auth routes.
 */
export function setSessionCookies(
  reply: FastifyReply,
  tokens: TokenPair,
  settings: CookieSettings,
): void {
  const base = { httpOnly: true, secure: settings.secure, sameSite: 'strict' as const };
  void reply.setCookie('accessToken', tokens.accessToken, {
    ...base,
    path: '/',
    maxAge: tokens.expiresIn,
  });
  void reply.setCookie('refreshToken', tokens.refreshToken, {
    ...base,
    path: '/api/auth',
    maxAge: settings.refreshTokenTtlSec,
  });
}

export function clearSessionCookies(reply: FastifyReply, settings: CookieSettings): void {
  const base = { httpOnly: true, secure: settings.secure, sameSite: 'strict' as const };
  void reply.clearCookie('accessToken', { ...base, path: '/' });
  void reply.clearCookie('refreshToken', { ...base, path: '/api/auth' });
}
