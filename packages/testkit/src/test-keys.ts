import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  UnsecuredJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';

export interface TestKeysOptions {
  issuer?: string;
  audience?: string;
}

/** Claims to sign; a claim set to `undefined` is left out of the token (e.g. `{ exp: undefined }`). */
export type TestClaims = Record<string, unknown>;

export interface TestSignOptions {
  /** Merged over `{ alg: 'EdDSA', kid: <current kid>, typ: 'JWT' }`. */
  header?: Record<string, unknown>;
}

export type JwksMode = 'up' | 'down' | 'hanging';

export interface TestKeys {
  readonly jwksUrl: string;
  readonly issuer: string;
  readonly audience: string;
  /** The kid of the key `sign` uses now. */
  readonly kid: string;
  /** How many times the JWKS has been requested, to observe caching and refetches. */
  readonly jwksRequests: number;
  /** A valid access token (15 min, role CUSTOMER) unless the claims or header say otherwise. */
  sign(claims?: TestClaims, options?: TestSignOptions): Promise<string>;
  /** Signed by a key the JWKS does not publish, under the current kid unless the header says so. */
  signWithForeignKey(claims?: TestClaims, options?: TestSignOptions): Promise<string>;
  /** `alg: none`, no signature. */
  unsigned(claims?: TestClaims): string;
  /** A new current key and kid; the old keys stay published unless `keepOld` is false. */
  rotate(options?: { keepOld?: boolean }): Promise<string>;
  /** 'down' answers 503; 'hanging' accepts and never answers. */
  setJwksMode(mode: JwksMode): void;
  close(): Promise<void>;
}

interface KeyPair {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function newKeyPair(kid: string): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  return {
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' },
  };
}

function claimsWithDefaults(issuer: string, audience: string, claims: TestClaims): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  const merged: TestClaims = {
    iss: issuer,
    aud: audience,
    sub: randomUUID(),
    role: 'CUSTOMER',
    jti: randomUUID(),
    iat: now,
    exp: now + 900,
    ...claims,
  };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
}

/**
 * An EdDSA signing key, its JWKS served over real HTTP on 127.0.0.1, and token signing with any
 * claims and header, so tests can craft every token a verifier must turn away.
 */
export async function startTestKeys(options: TestKeysOptions = {}): Promise<TestKeys> {
  const issuer = options.issuer ?? 'slotwise-auth';
  const audience = options.audience ?? 'slotwise';
  let generation = 1;
  let current = await newKeyPair(`test-key-${generation}`);
  let published: KeyPair[] = [current];
  const foreign = await newKeyPair('foreign');
  let mode: JwksMode = 'up';
  let jwksRequests = 0;

  const server = createServer((request, response) => {
    if (request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    jwksRequests += 1;
    if (mode === 'hanging') return;
    if (mode === 'down') {
      response.writeHead(503, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: published.map((pair) => pair.publicJwk) }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  const signWith = (
    pair: KeyPair,
    claims: TestClaims,
    signOptions: TestSignOptions,
  ): Promise<string> =>
    new SignJWT(claimsWithDefaults(issuer, audience, claims))
      .setProtectedHeader({ alg: 'EdDSA', kid: current.kid, typ: 'JWT', ...signOptions.header })
      .sign(pair.privateKey);

  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    issuer,
    audience,
    get kid() {
      return current.kid;
    },
    get jwksRequests() {
      return jwksRequests;
    },
    sign: (claims = {}, signOptions = {}) => signWith(current, claims, signOptions),
    signWithForeignKey: (claims = {}, signOptions = {}) => signWith(foreign, claims, signOptions),
    unsigned: (claims = {}) =>
      new UnsecuredJWT(claimsWithDefaults(issuer, audience, claims)).encode(),
    async rotate({ keepOld = true } = {}) {
      generation += 1;
      current = await newKeyPair(`test-key-${generation}`);
      published = keepOld ? [current, ...published] : [current];
      return current.kid;
    },
    setJwksMode(next) {
      mode = next;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
