import {
  createTokenVerifier,
  type TokenVerifier,
  type TokenVerifierOptions,
} from '@slotwise/platform/auth';
import { AppError } from '@slotwise/platform/errors';
import { startTestKeys, type TestKeys } from '@slotwise/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * Behaviours of the token verifier that mutation testing (docs/MUTATION.md) found no test pinned:
 * a mutant that dropped or bent them survived auth-token-verifier.test.ts.
 */
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

async function causeOfRefusal(token: string, verifier = verifierFor()): Promise<string> {
  const error = await verifier.verify(token).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  expect(error.status).toBe(401);
  return (error.cause as Error | undefined)?.message ?? '';
}

describe('token verifier claims', () => {
  it('names the session (sid) of a user token, and leaves absent jti and sid undefined', async () => {
    const withSession = await keys.sign({ sub: 'u1', sid: 'family-1' });
    expect((await verifierFor().verify(withSession)).sessionId).toBe('family-1');
    const bare = await keys.sign({ sub: 'u2', jti: undefined });
    expect(await verifierFor().verify(bare)).toMatchObject({
      jti: undefined,
      sessionId: undefined,
    });
  });

  it('ignores a jti or sid that is not a string rather than passing it on', async () => {
    const token = await keys.sign({ jti: 42, sid: { family: 'x' } });
    expect(await verifierFor().verify(token)).toMatchObject({
      jti: undefined,
      sessionId: undefined,
    });
  });

  it('keeps every audience of a token that names several', async () => {
    const token = await keys.sign({ aud: ['gateway', keys.audience] });
    expect((await verifierFor().verify(token)).aud).toEqual(['gateway', keys.audience]);
  });

  it('calls only an expired token expired: a forged one must not send the client to refresh', async () => {
    const error = await verifierFor()
      .verify(await keys.signWithForeignKey())
      .catch((reason: unknown) => reason);
    expect(error).toMatchObject({ status: 401, message: 'Invalid access token' });
  });

  it('refuses an empty subject', async () => {
    expect(await causeOfRefusal(await keys.sign({ sub: '' }))).toMatch(/sub or role/);
  });

  it('accepts an iat a little ahead of our clock, within the tolerance, and no further', async () => {
    const verifier = verifierFor({ clockToleranceSec: 30 });
    await expect(verifier.verify(await keys.sign({ iat: now() + 10 }))).resolves.toBeDefined();
    expect(await causeOfRefusal(await keys.sign({ iat: now() + 60 }), verifier)).toMatch(
      /iat is in the future/,
    );
  });
});

describe('token verifier defaults', () => {
  it('allows a few seconds of clock skew on expiry by default', async () => {
    const token = await keys.sign({ iat: now() - 900, exp: now() - 1 });
    await expect(verifierFor().verify(token)).resolves.toBeDefined();
  });

  it('does not refetch the JWKS for an unknown kid right after a fetch (default cool-down)', async () => {
    const verifier = verifierFor();
    await verifier.verify(await keys.sign());
    await causeOfRefusal(
      await keys.signWithForeignKey({}, { header: { kid: 'forged' } }),
      verifier,
    );
    expect(keys.jwksRequests).toBe(1);
  });
});
