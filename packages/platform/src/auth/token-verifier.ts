import { errors, jwtVerify, type JWTPayload } from 'jose';
import { AppError, CommonErrors, type CommonErrorCode } from '../errors/index.js';
import { JwksKeyStore } from './jwks-key-store.js';
import { isRole, type Role } from './roles.js';

/** What a verified access or service token says. */
export interface AccessClaims {
  /** `sub`: a user id, or the calling service's client id for a service token. */
  userId: string;
  role: Role;
  jti: string | undefined;
  /** `sid`: the session (refresh-token family) a user's access token belongs to. */
  sessionId: string | undefined;
  /** Seconds since the epoch, as in the token. */
  iat: number;
  exp: number;
  aud: string[];
  /** Every claim, for the few callers that need one not named above. */
  payload: JWTPayload;
}

export interface TokenVerifierOptions {
  jwksUrl: string;
  issuer: string;
  /** A token must name at least one of these in `aud`. */
  audience: string | string[];
  /** Never taken from the token: the allow-list is what makes `alg: none` and HS/RS confusion fail. */
  algorithms?: string[];
  clockToleranceSec?: number;
  /** Consulted after the signature and claims check out; true turns the token away with 401. */
  isRevoked?: (claims: AccessClaims) => boolean | Promise<boolean>;
  /** Least time between two JWKS fetches (unknown kids included). Default 30 s. */
  jwksCooldownMs?: number;
  /** Age at which cached keys are fetched again. Default 10 min. */
  jwksMaxAgeMs?: number;
  jwksTimeoutMs?: number;
  fetchImpl?: typeof fetch;
  /**
   * Verified tokens remembered (by their exact text) until they expire, so a client's next
   * requests skip the signature check. Revocation is still checked on every use. Default 10,000;
   * 0 turns it off.
   */
  cacheSize?: number;
}

export interface TokenVerifier {
  /** Resolves the claims, or throws AppError 401 UNAUTHENTICATED (503 when the JWKS is unreachable). */
  verify(token: string): Promise<AccessClaims>;
}

export const DEFAULT_ALGORITHMS = ['EdDSA', 'RS256'];

/**
 * Messages say only what a client can act on: an expired token is worth refreshing, anything else
 * is simply invalid. Why it is invalid (which claim, which key) stays in `cause`, for our logs.
 */
function rejected(message: string, cause?: unknown): AppError<CommonErrorCode> {
  return CommonErrors.create('UNAUTHENTICATED', message, { cause });
}

function toClaims(payload: JWTPayload, toleranceSec: number): AccessClaims {
  const { sub, role, jti, sid, iat, exp, aud } = payload;
  if (typeof sub !== 'string' || sub === '' || !isRole(role)) {
    throw rejected('Invalid access token', new Error('sub or role missing or unknown'));
  }
  if (typeof iat !== 'number' || typeof exp !== 'number') {
    throw rejected('Invalid access token', new Error('iat or exp missing'));
  }
  // jose checks a future `iat` only together with maxTokenAge; a token from the future is forged
  // or from a broken clock, and it would also slip past "revoked before" checks.
  if (iat > Date.now() / 1000 + toleranceSec) {
    throw rejected('Invalid access token', new Error('iat is in the future'));
  }
  return {
    userId: sub,
    role,
    jti: typeof jti === 'string' ? jti : undefined,
    sessionId: typeof sid === 'string' ? sid : undefined,
    iat,
    exp,
    aud: typeof aud === 'string' ? [aud] : (aud ?? []),
    payload,
  };
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const keys = new JwksKeyStore({
    url: options.jwksUrl,
    cooldownMs: options.jwksCooldownMs ?? 30_000,
    maxAgeMs: options.jwksMaxAgeMs ?? 600_000,
    timeoutMs: options.jwksTimeoutMs ?? 2_000,
    fetchImpl: options.fetchImpl,
  });
  const toleranceSec = options.clockToleranceSec ?? 5;
  const verifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms: options.algorithms ?? DEFAULT_ALGORITHMS,
    clockTolerance: toleranceSec,
    requiredClaims: ['sub', 'iat', 'exp'],
  };

  const cacheSize = options.cacheSize ?? 10_000;
  const verified = new Map<string, AccessClaims>();

  const checkSignature = async (token: string): Promise<AccessClaims> => {
    const cached = verified.get(token);
    if (cached) {
      if (cached.exp + toleranceSec > Date.now() / 1000) return cached;
      verified.delete(token);
      throw rejected('Access token expired');
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys.getKey, verifyOptions));
    } catch (error) {
      if (error instanceof AppError) throw error; // the JWKS is unreachable: 503, not the token's fault
      if (error instanceof errors.JWTExpired) throw rejected('Access token expired', error);
      throw rejected('Invalid access token', error);
    }
    const claims = toClaims(payload, toleranceSec);
    if (cacheSize > 0) {
      // Oldest first out: a Map iterates in insertion order.
      if (verified.size >= cacheSize) verified.delete(verified.keys().next().value!);
      verified.set(token, claims);
    }
    return claims;
  };

  return {
    async verify(token: string): Promise<AccessClaims> {
      if (!token) throw rejected('Authentication required');
      const claims = await checkSignature(token);
      if (await options.isRevoked?.(claims)) throw rejected('Access token revoked');
      return claims;
    },
  };
}
