import type { BusinessSummary, Schedule, VersionedBusiness } from '@slotwise/contracts';
import type { BusinessLookup } from './business-lookup.js';
import type { BusinessRecord } from './business.repository.js';

/** The parts of the read model the directory uses (the repository, or a fake in unit tests). */
export interface BusinessReadModel {
  findById(id: string): Promise<BusinessRecord | null>;
  versionOfOwner(ownerId: string): Promise<number | null>;
  apply(business: BusinessSummary, version: number, schedule?: Schedule): Promise<boolean>;
}

export interface BusinessDirectoryOptions {
  /** How long an owner's answer is reused; 0 = always ask. */
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  business: BusinessSummary | null;
  /** The read model's version of the owner's business when the answer was taken (null: none). */
  version: number | null;
  expiresAt: number;
}

const summaryOf = ({
  version: _version,
  schedule: _schedule,
  ...summary
}: BusinessRecord | VersionedBusiness): BusinessSummary => summary;

/**
 * Where this service learns about businesses. Creating a resource needs the freshest answer the
 * business service gives (it decides whether a suspended business may still publish), reused per
 * owner for a few seconds. An entry is dropped when a `business.*` event for the owner reaches this
 * instance, and it is not trusted once the shared read model has moved past the version it was
 * taken at, which is how another instance's event reaches this cache.
 */
export class BusinessDirectory {
  private readonly cache = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<BusinessSummary | null>>();
  /** Bumped by `forget`, so a lookup that was in flight meanwhile does not store its answer. */
  private readonly generations = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly lookup: BusinessLookup,
    private readonly readModel: BusinessReadModel,
    private readonly options: BusinessDirectoryOptions,
  ) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** The owner's business, or null when they have none. 503 when the business service is down. */
  async ofOwner(ownerId: string, requestId?: string): Promise<BusinessSummary | null> {
    const entry = this.cache.get(ownerId);
    if (entry && this.now() < entry.expiresAt) {
      if ((await this.readModel.versionOfOwner(ownerId)) === entry.version) return entry.business;
      this.cache.delete(ownerId);
    }
    let pending = this.inFlight.get(ownerId);
    if (!pending) {
      pending = this.fetchOwner(ownerId, requestId).finally(() => this.inFlight.delete(ownerId));
      this.inFlight.set(ownerId, pending);
    }
    return pending;
  }

  /**
   * A business by id: the read model (kept by events) when it has the business, else the business
   * service, whose answer then seeds the read model.
   */
  async byId(id: string, requestId?: string): Promise<BusinessSummary | null> {
    const known = await this.readModel.findById(id);
    if (known) return summaryOf(known);
    const business = await this.lookup.byId(id, requestId);
    if (!business) return null;
    await this.readModel.apply(summaryOf(business), business.version, business.schedule);
    return summaryOf(business);
  }

  /** A `business.*` event arrived for the owner's business: the next lookup asks again. */
  forget(ownerId: string): void {
    this.cache.delete(ownerId);
    this.generations.set(ownerId, (this.generations.get(ownerId) ?? 0) + 1);
  }

  private async fetchOwner(ownerId: string, requestId?: string): Promise<BusinessSummary | null> {
    const generation = this.generations.get(ownerId);
    const answer = await this.lookup.byOwner(ownerId, requestId);
    // The business service's latest: the read model takes it when it is newer than what it holds,
    // so what customers see here never lags behind what the owner was just allowed to do.
    if (answer) await this.readModel.apply(summaryOf(answer), answer.version, answer.schedule);
    const business = answer && summaryOf(answer);
    if (this.options.ttlMs > 0 && this.generations.get(ownerId) === generation) {
      const version = await this.readModel.versionOfOwner(ownerId);
      this.remember(ownerId, { business, version, expiresAt: this.now() + this.options.ttlMs });
    }
    return business;
  }

  private remember(ownerId: string, entry: Entry): void {
    this.cache.delete(ownerId);
    if (this.cache.size >= this.maxEntries) {
      // Oldest first (a Map keeps insertion order): expired entries go before live ones anyway.
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(ownerId, entry);
    // Generations only matter while a lookup is in flight; they must not grow without bound.
    if (this.generations.size > this.maxEntries) this.generations.clear();
  }
}
