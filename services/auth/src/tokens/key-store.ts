import { randomUUID } from 'node:crypto';
import {
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importPKCS8,
  type CryptoKey,
  type JWK,
} from 'jose';
import type { Store } from '../db/store.repository.js';
import type { SigningKeyRecord } from './signing-key.repository.js';

export const SIGNING_ALGORITHM = 'EdDSA';

interface LoadedKeys {
  at: number;
  active: ActiveKey;
  jwks: { keys: JWK[] };
}

export interface ActiveKey {
  kid: string;
  privateKey: CryptoKey;
}

/**
 * The signing keys: created on first start and stored, so every auth instance signs with the same
 * key; rotated after a number of days. A retired key stays in the JWKS until every token it signed
 * has expired. Cached in memory for a few seconds, so rotation by another instance is seen quickly.
 */
export class KeyStore {
  private cache: LoadedKeys | undefined;
  private reloading: Promise<LoadedKeys> | undefined;

  constructor(
    private readonly store: Store,
    private readonly options: { accessTokenTtlSec: number; rotationDays: number; cacheMs?: number },
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get retentionMs(): number {
    // Tokens live accessTokenTtl; a minute more covers clock skew between verifiers.
    return (this.options.accessTokenTtlSec + 60) * 1000;
  }

  async activeKey(): Promise<ActiveKey> {
    return (await this.load()).active;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    return (await this.load()).jwks;
  }

  /**
   * Creates the first key if there is none, rotates when the active one is due, and loads the
   * keys: called at start, so no request ever waits for the first load.
   */
  async ensureKey(): Promise<void> {
    await this.createKeyIfDue();
    await this.reloadAfterChange();
  }

  private async createKeyIfDue(): Promise<void> {
    await this.store.transaction(async (repos) => {
      await repos.signingKeys.lockKeys();
      const now = this.now();
      const keys = await repos.signingKeys.findPublished(
        new Date(now.getTime() - this.retentionMs),
      );
      const active = keys.find((key) => key.retiredAt === null);
      const dueAt = active
        ? active.activeFrom.getTime() + this.options.rotationDays * 86_400_000
        : 0;
      if (!active || dueAt <= now.getTime()) {
        const created = await newKey(now);
        await repos.signingKeys.create(created);
        await repos.signingKeys.retireAllBut(created.kid, now);
      }
    });
  }

  /** Replaces the active key now (an operator's choice, or a suspected leak). */
  async rotate(): Promise<string> {
    const now = this.now();
    const created = await newKey(now);
    await this.store.transaction(async (repos) => {
      await repos.signingKeys.lockKeys();
      await repos.signingKeys.create(created);
      await repos.signingKeys.retireAllBut(created.kid, now);
    });
    await this.reloadAfterChange();
    return created.kid;
  }

  /**
   * The keys from the cache. Once loaded, a stale cache is served while one background reload
   * refreshes it: signing happens inside transactions (refresh rotation), and a reload waiting for
   * a pool connection there could wait for a connection those same transactions hold.
   */
  private async load(): Promise<LoadedKeys> {
    const cacheMs = this.options.cacheMs ?? 5_000;
    if (!this.cache) return this.reload();
    if (Date.now() - this.cache.at >= cacheMs) {
      // Keep serving what we have if the database is briefly unreachable.
      this.reload().catch(() => undefined);
    }
    return this.cache;
  }

  /** A reload that starts after a change: one already under way may have read the keys before it. */
  private async reloadAfterChange(): Promise<void> {
    await this.reloading?.catch(() => undefined);
    await this.reload();
  }

  /** One reload at a time, however many callers want one. */
  private reload(): Promise<LoadedKeys> {
    this.reloading ??= this.readAndBuild().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }

  private async readAndBuild(): Promise<LoadedKeys> {
    let keys = await this.readKeys();
    if (!keys.some((key) => key.retiredAt === null)) {
      await this.createKeyIfDue();
      keys = await this.readKeys();
    }
    const activeRecord = keys.find((key) => key.retiredAt === null)!;
    const loaded: LoadedKeys = {
      at: Date.now(),
      active: {
        kid: activeRecord.kid,
        privateKey: await importPKCS8(activeRecord.privateKey, activeRecord.algorithm),
      },
      jwks: {
        keys: keys.map((key) => ({
          ...key.publicJwk,
          kid: key.kid,
          alg: key.algorithm,
          use: 'sig',
        })),
      },
    };
    this.cache = loaded;
    return loaded;
  }

  private readKeys(): Promise<SigningKeyRecord[]> {
    return this.store.repos.signingKeys.findPublished(
      new Date(this.now().getTime() - this.retentionMs),
    );
  }
}

async function newKey(now: Date): Promise<Omit<SigningKeyRecord, 'retiredAt'>> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, {
    crv: 'Ed25519',
    extractable: true,
  });
  return {
    kid: randomUUID(),
    algorithm: SIGNING_ALGORITHM,
    publicJwk: await exportJWK(publicKey),
    privateKey: await exportPKCS8(privateKey),
    activeFrom: now,
  };
}
