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

/**
 * The catalog (API.md): businesses, resources, categories, schedules and availability, readable
 * by anyone so that a visitor can look before signing up. `:id` is one path segment that is not
 * a word of the API's own (`/api/businesses/me` stays the vendor's). A token that comes along is
 * still checked (a revoked one is refused), unlike on the sign-in routes above.
 */
const CATALOG: readonly RegExp[] = [
  /^\/api\/businesses$/,
  /^\/api\/businesses\/(?!me$)[^/]+$/,
  /^\/api\/businesses\/[^/]+\/schedule$/,
  /^\/api\/resources$/,
  /^\/api\/resources\/(?!stats$|bulk$|categories$)[^/]+$/,
  /^\/api\/resources\/[^/]+\/schedule$/,
  /^\/api\/resources\/categories$/,
  /^\/api\/resources\/categories\/[^/]+$/,
  /^\/api\/bookings\/availability$/,
];

/**
 * Payment routes that carry their own proof instead of an access token: the simulated provider's
 * checkout page (its URL is the capability) and the providers' webhooks (signed by the provider).
 */
const SELF_PROVING: ReadonlyArray<readonly [methods: readonly string[], path: RegExp]> = [
  [['GET', 'POST'], /^\/api\/payments\/checkout\/[^/]+$/],
  [['POST'], /^\/api\/payments\/webhooks\/[^/]+$/],
];

const normalize = (path: string): string =>
  path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;

/** The routes that need no access token (sign-in routes, the catalog, payment callbacks). */
export function isPublicRoute(method: string, path: string): boolean {
  const verb = method === 'HEAD' ? 'GET' : method;
  return (
    publicSet.has(`${verb} ${normalize(path)}`) ||
    isCatalogRoute(method, path) ||
    SELF_PROVING.some(
      ([methods, pattern]) => methods.includes(verb) && pattern.test(normalize(path)),
    )
  );
}

/** A catalog read: public, but a token that comes with it is verified. */
export function isCatalogRoute(method: string, path: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const normalized = normalize(path);
  return CATALOG.some((pattern) => pattern.test(normalized));
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
