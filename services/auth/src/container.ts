import {
  authenticate,
  createTokenVerifier,
  type PreHandler,
  type TokenVerifier,
} from '@slotwise/platform/auth';
import { scheduleJob } from '@slotwise/platform/jobs';
import type { Logger } from '@slotwise/platform/logger';
import { createInfrastructure, type Infrastructure } from '@slotwise/platform/service';
import type { ShutdownStep } from '@slotwise/platform/shutdown';
import { AccountService } from './accounts/account.service.js';
import { AdminService } from './admin/admin.service.js';
import type { Config } from './config.js';
import { Store } from './db/store.repository.js';
import { EventTypes } from '@slotwise/contracts';
import { PrismaClient } from './generated/prisma/client.js';
import { ServiceTokenService } from './internal/service-token.service.js';
import { cleanupJob } from './jobs/cleanup.job.js';
import { OtpService } from './otp/otp.service.js';
import { PasswordHasher } from './security/password-hasher.js';
import { Secrets } from './security/secrets.js';
import type { CookieSettings } from './sessions/cookies.js';
import { LoginThrottle } from './sessions/login-throttle.js';
import { SessionService } from './sessions/session.service.js';
import { KeyStore } from './tokens/key-store.js';
import { RevocationFeed } from './tokens/revocation-feed.js';
import { TokenIssuer } from './tokens/token-issuer.js';

/** The audiences service tokens may be issued for: the services that serve internal routes. */
const SERVICE_AUDIENCES = new Set([
  'auth',
  'business',
  'resource',
  'booking',
  'payment',
  'notification',
]);

export interface Container extends Omit<
  Infrastructure<PrismaClient>,
  'verifier' | 'start' | 'stopSteps'
> {
  config: Config;
  keys: KeyStore;
  accounts: AccountService;
  sessions: SessionService;
  admin: AdminService;
  serviceTokens: ServiceTokenService;
  revocationFeed: RevocationFeed;
  /** Verifies user access tokens against auth's own keys and the account's current state. */
  verifier: TokenVerifier;
  /** Verifies service tokens for auth's internal routes. */
  serviceVerifier: TokenVerifier;
  authenticate: PreHandler;
  cookies: CookieSettings;
  start(): Promise<void>;
  stopSteps: ShutdownStep[];
}

/** The composition root: infrastructure → repositories → services, wired by hand. */
export async function buildContainer(
  config: Config,
  overrides: { logger?: Logger } = {},
): Promise<Container> {
  const infrastructure = await createInfrastructure({
    service: 'auth',
    config,
    createPrisma: (adapter) => new PrismaClient({ adapter }),
    // The outbox row of a code request carries the code: it goes once published.
    deleteAfterPublish: [EventTypes.userOtpRequested],
    syncRevocations: false,
    ...(overrides.logger ? { logger: overrides.logger } : {}),
  });
  const { logger, pool } = infrastructure;
  if (!config.AUTH_SECRET) {
    logger.warn(
      'AUTH_SECRET is not set: using a random one; codes and grace pairs end with this process',
    );
  }
  const store = new Store(infrastructure.prisma);
  const secrets = config.AUTH_SECRET ? new Secrets(config.AUTH_SECRET) : Secrets.random();
  const hasher = new PasswordHasher(config.BCRYPT_COST);
  const keys = new KeyStore(store, {
    accessTokenTtlSec: config.ACCESS_TOKEN_TTL_SEC,
    rotationDays: config.SIGNING_KEY_ROTATION_DAYS,
    cacheMs: config.SIGNING_KEY_CACHE_MS,
  });
  const issuer = new TokenIssuer(keys, {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    accessTokenTtlSec: config.ACCESS_TOKEN_TTL_SEC,
    serviceTokenTtlSec: config.SERVICE_TOKEN_TTL_SEC,
  });
  const otps = new OtpService(secrets, {
    ttlSec: config.OTP_TTL_SEC,
    maxAttempts: config.OTP_MAX_ATTEMPTS,
    maxPerHour: config.OTP_MAX_PER_HOUR,
  });
  const throttle = new LoginThrottle({
    maxFailures: config.LOGIN_MAX_FAILURES,
    windowSec: config.LOGIN_FAILURE_WINDOW_SEC,
    lockoutBaseSec: config.LOGIN_LOCKOUT_BASE_SEC,
    lockoutMaxSec: config.LOGIN_LOCKOUT_MAX_SEC,
  });
  const sessions = new SessionService(store, hasher, issuer, otps, throttle, secrets, {
    refreshTokenTtlSec: config.REFRESH_TOKEN_TTL_SEC,
    refreshGraceSec: config.REFRESH_GRACE_SEC,
    challengeTtlSec: config.TWO_FACTOR_CHALLENGE_TTL_SEC,
  });
  const accounts = new AccountService(store, hasher, otps, sessions, config.ENUMERATION_FLOOR_MS);
  const admin = new AdminService(store, hasher, logger);

  // Auth verifies tokens with its own keys (no HTTP call to itself). User tokens are also checked
  // against the account as it is now: a suspended, deleted or reset account's tokens stop at once.
  const ownKeys = {
    jwksUrl: 'http://auth.internal/jwks.json',
    fetchImpl: async () => Response.json(await keys.jwks()),
  };
  const verifier = createTokenVerifier({
    ...ownKeys,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    isRevoked: async (claims) => {
      if (claims.role === 'SERVICE') return true;
      const user = await store.repos.users.findById(claims.userId);
      if (!user || user.status !== 'ACTIVE') return true;
      return user.tokensValidAfter !== null && claims.iat * 1000 < user.tokensValidAfter.getTime();
    },
  });
  // Service tokens minted for auth's own internal routes.
  const serviceVerifier = createTokenVerifier({
    ...ownKeys,
    issuer: config.JWT_ISSUER,
    audience: 'auth',
  });

  const cleanup = scheduleJob({
    name: 'auth-cleanup',
    everyMs: config.CLEANUP_INTERVAL_SEC * 1000,
    pool,
    logger,
    run: cleanupJob(store, keys, { refreshGraceSec: config.REFRESH_GRACE_SEC }),
    runAtStart: false,
  });

  return {
    ...infrastructure,
    config,
    keys,
    accounts,
    sessions,
    admin,
    serviceTokens: new ServiceTokenService(
      config.SERVICE_CLIENTS,
      SERVICE_AUDIENCES,
      issuer,
      config.SERVICE_TOKEN_TTL_SEC,
    ),
    revocationFeed: new RevocationFeed(store, config.ACCESS_TOKEN_TTL_SEC + 60),
    verifier,
    serviceVerifier,
    authenticate: authenticate(verifier),
    cookies: { secure: config.COOKIE_SECURE, refreshTokenTtlSec: config.REFRESH_TOKEN_TTL_SEC },
    start: async () => {
      await keys.ensureKey();
      if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
        await admin.ensureAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD, config.ADMIN_USERNAME);
      }
      await infrastructure.start();
    },
    stopSteps: [{ name: 'cleanup job', run: () => cleanup.stop() }, ...infrastructure.stopSteps],
  };
}
