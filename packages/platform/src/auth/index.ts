export { ROLES, isRole, type Role } from './roles.js';
export {
  createTokenVerifier,
  DEFAULT_ALGORITHMS,
  type AccessClaims,
  type TokenVerifier,
  type TokenVerifierOptions,
} from './token-verifier.js';
export { UserRevocationList } from './revocation.js';
export {
  accessTokenOf,
  authenticate,
  currentUser,
  requireRole,
  requireServiceToken,
  type AuthenticateOptions,
  type AuthUser,
  type PreHandler,
  type ServiceTokenGuardOptions,
} from './guards.js';
export { ServiceTokenClient, type ServiceTokenClientOptions } from './service-token-client.js';
export {
  RevocationSync,
  authRevocationFeed,
  type Revocation,
  type RevocationSyncOptions,
} from './revocation-sync.js';
