/**
 * The routes API.md marks public: no access token needed. Everything else behind the gateway
 * requires a valid one. Kept as exact method + path pairs, so that a new route is protected
 * unless someone adds it here on purpose.
 */
const PUBLIC: ReadonlyArray<readonly [method: string, path: string]> = [
  ['POST', '/api/auth/register'],
  ['POST', '/api/auth/verify-email'],
  ['POST', '/api/auth/resend-verification'],
  ['POST', '/api/auth/login'],
  ['POST', '/api/auth/login/2fa'],
  ['POST', '/api/auth/refresh'],
  // Logout revokes the refresh token it is given; holding that token is the authorisation.
  ['POST', '/api/auth/logout'],
  ['POST', '/api/auth/forgot-password'],
  ['POST', '/api/auth/reset-password'],
  ['GET', '/api/auth/.well-known/jwks.json'],
];

const publicSet = new Set(PUBLIC.map(([method, path]) => `${method} ${path}`));

export function isPublicRoute(method: string, path: string): boolean {
  const normalized = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return publicSet.has(`${method === 'HEAD' ? 'GET' : method} ${normalized}`);
}

/**
 * Routes whose abuse costs an account: login, registration, codes and password resets. They get
 * the strict per-IP-and-account rate limit; the value names the body field holding the account.
 */
export const ACCOUNT_LIMITED: ReadonlyMap<string, string> = new Map([
  ['/api/auth/register', 'email'],
  ['/api/auth/verify-email', 'email'],
  ['/api/auth/resend-verification', 'email'],
  ['/api/auth/login', 'identifier'],
  ['/api/auth/login/2fa', 'challengeId'],
  ['/api/auth/forgot-password', 'email'],
  ['/api/auth/reset-password', 'email'],
]);
