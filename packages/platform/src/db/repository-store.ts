/** The part of a Prisma client a store needs, typed by shape (the platform has no client). */
export interface TransactionRunner<Tx> {
  $transaction<R>(
    work: (tx: Tx) => Promise<R>,
    options?: { maxWait?: number; timeout?: number },
  ): Promise<R>;
}

/**
 * A service's repositories, outside a transaction (`repos`) or inside one (`transaction`), so
 * that a service changes several tables and writes its events atomically without touching
 * Prisma. `bind` makes the repositories on a client or a transaction client.
 */
export class RepositoryStore<Db extends TransactionRunner<Tx>, Tx, Repos> {
  readonly repos: Repos;

  constructor(
    protected readonly db: Db,
    protected readonly bind: (db: Db | Tx) => Repos,
  ) {
    this.repos = bind(db);
  }

  transaction<T>(work: (repos: Repos) => Promise<T>): Promise<T> {
    return this.db.$transaction((tx) => work(this.bind(tx)), { maxWait: 5_000, timeout: 10_000 });
  }
}
