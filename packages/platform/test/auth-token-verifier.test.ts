import { setTimeout as sleep } from 'node:timers/promises';
import {
  createTokenVerifier,
  UserRevocationList,
  type TokenVerifier,
  type TokenVerifierOptions,
} from '@slotwise/platform/auth';
import { AppError } from '@slotwise/platform/errors';
import { startTestKeys, type TestKeys } from '@slotwise/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let keys: TestKeys;
beforeEach(async () => {
  keys = await startTestKeys();
});
afterEach(async () => {
  await keys.close();
});

const now = (): number => Math.floor(Date.now() / 1000);

function verifierFor(overrides: Partial<TokenVerifierOptions> = {}): TokenVerifier {
  return createTokenVerifier({
    jwksUrl: keys.jwksUrl,
    issuer: keys.issuer,
    audience: keys.audience,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

function tamper(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<
    string,
    unknown
  >;
  const forged = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url');
  return `${header}.${forged}.${signature}`;
}

const clientMessages = ['Authentication required', 'Invalid access token', 'Access token expired'];

describe('createTokenVerifier', () => {
  it('returns the claims of a valid token', async () => {
    const token = await keys.sign({ sub: 'user-1', role: 'VENDOR', jti: 'jti-1' });
    const claims = await verifierFor().verify(token);
    expect(claims).toMatchObject({
      userId: 'user-1',
      role: 'VENDOR',
      jti: 'jti-1',
      aud: [keys.audience],
    });
    expect(claims.exp - claims.iat).toBe(900);
  });

  // The third column is the reason kept in `cause` (for logs), so each case fails for its own reason.
  const rejections: [string, () => Promise<string> | string, RegExp][] = [
    ['a missing token', () => '', /^$/],
    ['garbage', () => 'not-a-jwt', /Invalid Compact JWS/],
    ['an expired token', () => keys.sign({ iat: now() - 1000, exp: now() - 60 }), /"exp"/],
    ['a not-yet-valid token', () => keys.sign({ nbf: now() + 300 }), /"nbf"/],
    ['a token issued in the future', () => keys.sign({ iat: now() + 300 }), /iat is in the future/],
    ['a tampered payload', async () => tamper(await keys.sign()), /signature verification/],
    ['a key not in the JWKS', () => keys.signWithForeignKey(), /signature verification/],
    [
      'an unknown kid',
      () => keys.signWithForeignKey({}, { header: { kid: 'nobody' } }),
      /no applicable key/,
    ],
    ['alg: none', () => keys.unsigned(), /"alg" .* not allowed/],
    ['a wrong audience', () => keys.sign({ aud: 'someone-else' }), /"aud"/],
    ['a wrong issuer', () => keys.sign({ iss: 'https://evil.example' }), /"iss"/],
    ['no subject', () => keys.sign({ sub: undefined }), /"sub"/],
    ['an unknown role', () => keys.sign({ role: 'ROOT' }), /role/],
    ['no expiry', () => keys.sign({ exp: undefined }), /"exp"/],
  ];

  it.each(rejections)(
    'rejects %s with a 401 that names no internals',
    async (_name, makeToken, reason) => {
      const error = await failure(verifierFor().verify(await makeToken()));
      expect(error.status).toBe(401);
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(clientMessages).toContain(error.message);
      expect((error.cause as Error | undefined)?.message ?? '').toMatch(reason);
    },
  );

  it('tells an expired token apart, so clients know to refresh', async () => {
    const token = await keys.sign({ iat: now() - 1000, exp: now() - 60 });
    expect((await failure(verifierFor().verify(token))).message).toBe('Access token expired');
  });

  it('accepts a token just past expiry within the clock tolerance', async () => {
    const token = await keys.sign({ iat: now() - 900, exp: now() - 2 });
    await expect(verifierFor({ clockToleranceSec: 10 }).verify(token)).resolves.toBeDefined();
  });

  it('rejects an algorithm outside the allow-list even with a valid signature', async () => {
    const error = await failure(verifierFor({ algorithms: ['RS256'] }).verify(await keys.sign()));
    expect(error.status).toBe(401);
    expect((error.cause as Error).message).toMatch(/"alg" .* not allowed/);
  });

  it('fetches the JWKS once for many concurrent first verifications, then serves from cache', async () => {
    const verifier = verifierFor();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => keys.sign()));
    await Promise.all(tokens.map((token) => verifier.verify(token)));
    await verifier.verify(await keys.sign());
    expect(keys.jwksRequests).toBe(1);
  });

  it('refetches the JWKS for an unknown kid after a key rotation', async () => {
    const verifier = verifierFor({ jwksCooldownMs: 100 });
    await verifier.verify(await keys.sign());
    await sleep(120);
    const rotatedKid = await keys.rotate();
    const claims = await verifier.verify(
      await keys.sign({ sub: 'after-rotation' }, { header: { kid: rotatedKid } }),
    );
    expect(claims.userId).toBe('after-rotation');
    expect(keys.jwksRequests).toBe(2);
  });

  it('refetches at most once per cool-down however many unknown kids arrive', async () => {
    const verifier = verifierFor({ jwksCooldownMs: 300 });
    await verifier.verify(await keys.sign());
    for (let i = 0; i < 5; i += 1) {
      const token = await keys.signWithForeignKey({}, { header: { kid: `forged-${i}` } });
      expect((await failure(verifier.verify(token))).status).toBe(401);
    }
    expect(keys.jwksRequests).toBe(1);
    await sleep(320);
    await failure(verifier.verify(await keys.signWithForeignKey({}, { header: { kid: 'late' } })));
    expect(keys.jwksRequests).toBe(2);
  });

  it('answers 503 when the JWKS endpoint is down and no key is cached', async () => {
    keys.setJwksMode('down');
    const error = await failure(verifierFor().verify(await keys.sign()));
    expect(error.status).toBe(503);
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.retryAfter).toBeGreaterThan(0);
  });

  it('answers 503 within the JWKS timeout when the endpoint hangs', async () => {
    keys.setJwksMode('hanging');
    const started = Date.now();
    const error = await failure(verifierFor({ jwksTimeoutMs: 200 }).verify(await keys.sign()));
    expect(error.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('answers 503 when nothing listens at the JWKS URL', async () => {
    const token = await keys.sign();
    await keys.close();
    expect((await failure(verifierFor().verify(token))).status).toBe(503);
    keys = await startTestKeys(); // afterEach closes it
  });

  it('keeps verifying with the cached keys when a refresh of stale keys fails', async () => {
    const verifier = verifierFor({ jwksMaxAgeMs: 50, jwksCooldownMs: 50 });
    await verifier.verify(await keys.sign());
    keys.setJwksMode('down');
    await sleep(80);
    await expect(verifier.verify(await keys.sign())).resolves.toBeDefined();
    expect(keys.jwksRequests).toBe(2);
  });

  it('turns away a token the revocation hook reports as revoked', async () => {
    const revoked = new UserRevocationList();
    const verifier = verifierFor({ isRevoked: revoked.isRevoked });
    const oldToken = await keys.sign({ sub: 'user-1', iat: now() - 60 });
    const newToken = await keys.sign({ sub: 'user-1' });
    revoked.revokeBefore('user-1', new Date((now() - 30) * 1000));
    const error = await failure(verifier.verify(oldToken));
    expect(error.status).toBe(401);
    await expect(verifier.verify(newToken)).resolves.toMatchObject({ userId: 'user-1' });
  });
});

describe('UserRevocationList', () => {
  it('compares iat with the latest revocation of that user only', () => {
    const list = new UserRevocationList();
    list.revokeBefore('u1', new Date(2_000_000));
    list.revokeBefore('u1', new Date(1_000_000)); // late, older event: ignored
    expect(list.isRevoked({ userId: 'u1', iat: 1_999 })).toBe(true);
    expect(list.isRevoked({ userId: 'u1', iat: 2_000 })).toBe(false);
    expect(list.isRevoked({ userId: 'u2', iat: 0 })).toBe(false);
  });

  it('treats a token from the same second as a mid-second revocation as revoked', () => {
    const list = new UserRevocationList();
    list.revokeBefore('u1', new Date(2_000_500));
    expect(list.isRevoked({ userId: 'u1', iat: 2_000 })).toBe(true);
  });

  it('prunes revocations older than any live token', () => {
    const list = new UserRevocationList();
    list.revokeBefore('u1', new Date(1_000));
    list.revokeBefore('u2', new Date(5_000));
    list.prune(new Date(2_000));
    expect(list.size).toBe(1);
    expect(list.isRevoked({ userId: 'u2', iat: 1 })).toBe(true);
  });
});

describe('verified-token cache', () => {
  it('refuses a cached token once it is revoked, and once it expires', async () => {
    const revocations = new UserRevocationList();
    const verifier = verifierFor({ isRevoked: revocations.isRevoked, clockToleranceSec: 0 });
    const token = await keys.sign({
      sub: 'u-cache',
      role: 'CUSTOMER',
      iat: now() - 10,
      exp: now() + 2,
    });
    await expect(verifier.verify(token)).resolves.toMatchObject({ userId: 'u-cache' });
    await expect(verifier.verify(token)).resolves.toMatchObject({ userId: 'u-cache' });

    revocations.revokeBefore('u-cache', new Date());
    await expect(verifier.verify(token)).rejects.toMatchObject({
      status: 401,
      message: 'Access token revoked',
    });

    const fresh = await keys.sign({ sub: 'u-exp', role: 'CUSTOMER', exp: now() + 1 });
    await expect(verifier.verify(fresh)).resolves.toMatchObject({ userId: 'u-exp' });
    await sleep(2_100);
    await expect(verifier.verify(fresh)).rejects.toMatchObject({
      status: 401,
      message: 'Access token expired',
    });
  });

  it('never caches a token that failed, so a tampered copy stays refused', async () => {
    const verifier = verifierFor();
    const token = await keys.sign({ sub: 'u1', role: 'CUSTOMER' });
    await verifier.verify(token);
    const [header, , signature] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'u1', role: 'ADMIN', iss: keys.issuer, aud: keys.audience, iat: now(), exp: now() + 600 })).toString('base64url')}.${signature}`;
    await expect(verifier.verify(forged)).rejects.toBeInstanceOf(AppError);
    await expect(verifier.verify(forged)).rejects.toMatchObject({ status: 401 });
  });
});
