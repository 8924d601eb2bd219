/** What `vacuumUntilAllVisible` needs of a connection: a `pg` Client or PoolClient will do. */
export interface Queryable {
  query<R extends object>(text: string): Promise<{ rows: R[] }>;
}

/**
 * What autovacuum does to a table after a bulk load, done now: statistics, and the visibility
 * map that lets index-only scans skip the table. A VACUUM that starts while an older transaction
 * is still open (a service's relay poll, say) cannot mark the new rows visible to all yet, so it
 * runs again until every page is marked, at most `attempts` times. Returns whether that happened.
 * The connection must not be in a transaction, and its statement timeout must allow the VACUUM.
 */
export async function vacuumUntilAllVisible(
  client: Queryable,
  table: string,
  attempts = 20,
): Promise<boolean> {
  const name = `"${table.replaceAll('"', '""')}"`;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    await client.query(`VACUUM ANALYZE ${name}`);
    const { rows } = await client.query<{ done: boolean }>(
      `SELECT relallvisible >= relpages AS done FROM pg_class WHERE oid = '${name}'::regclass`,
    );
    if (rows[0]?.done) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
