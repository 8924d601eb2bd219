/**
 * The tables every service that publishes or consumes events has, owned by the platform: the
 * migration runner applies them to each service's database as the platform's own migration
 * (`PLATFORM_MIGRATIONS` in db/platform-migrations.ts), so no service copies this DDL.
 *
 * Every statement is idempotent: the services made before the platform owned these tables created
 * them in their first migration (files that cannot change: their checksums are recorded), and this
 * SQL must then find them in place and change nothing but a missing part.
 */

/** The channel the outbox trigger notifies; NOTIFY is per database, so one name serves all. */
export const OUTBOX_NOTIFY_CHANNEL = 'slotwise_outbox';

export const OUTBOX_TABLE_SQL = `
CREATE TABLE IF NOT EXISTS outbox (
  id           uuid        PRIMARY KEY,
  seq          bigserial   NOT NULL,
  aggregate_id text        NOT NULL,
  type         text        NOT NULL,
  version      integer     NOT NULL,
  payload      jsonb       NOT NULL,
  occurred_at  timestamptz NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  attempts     integer     NOT NULL DEFAULT 0,
  last_error   text
);

-- The relay's only read: the oldest unpublished rows. Published rows drop out of the index.
CREATE INDEX IF NOT EXISTS outbox_unpublished_seq_idx ON outbox (seq) WHERE published_at IS NULL;
-- The purge of old published rows.
CREATE INDEX IF NOT EXISTS outbox_published_at_idx ON outbox (published_at)
  WHERE published_at IS NOT NULL;

-- Wakes an idle relay within milliseconds of a commit; polling remains the fallback. Only when no
-- older row is waiting: then the relay is busy and drains these too. Every NOTIFY holds a
-- cluster-wide lock until its transaction's commit is flushed, so one per insert would serialise
-- all commits under load.
CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM outbox o
     WHERE o.published_at IS NULL AND o.seq < (SELECT min(seq) FROM inserted_rows)
  ) THEN
    PERFORM pg_notify('${OUTBOX_NOTIFY_CHANNEL}', '');
  END IF;
  RETURN NULL;
END
$$;

-- The function reads the statement's rows (inserted_rows): a trigger without that transition
-- table (the first copies had one) is replaced, a missing one created, a right one left alone.
DO $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM pg_trigger
     WHERE tgname = 'outbox_notify' AND tgrelid = 'outbox'::regclass AND tgnewtable IS NULL
  ) THEN
    DROP TRIGGER outbox_notify ON outbox;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM pg_trigger WHERE tgname = 'outbox_notify' AND tgrelid = 'outbox'::regclass
  ) THEN
    CREATE TRIGGER outbox_notify AFTER INSERT ON outbox REFERENCING NEW TABLE AS inserted_rows
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
  END IF;
END
$$;
`;

export const INBOX_TABLE_SQL = `
CREATE TABLE IF NOT EXISTS inbox (
  event_id     uuid        PRIMARY KEY,
  type         text        NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now()
);
-- The retention's DELETE of old rows.
CREATE INDEX IF NOT EXISTS inbox_processed_at_idx ON inbox (processed_at);
`;

/** Both tables; applying it again, or over the copies of a service's first migration, is a no-op. */
export const EVENTS_TABLES_SQL = `${OUTBOX_TABLE_SQL}\n${INBOX_TABLE_SQL}`;

/**
 * What the migrated tables must look like, for the drift check (db/schema-drift.ts): column,
 * PostgreSQL type and nullability, and the indexes and trigger by name.
 */
export const EVENTS_TABLES_SHAPE: Readonly<
  Record<
    'outbox' | 'inbox',
    {
      columns: Readonly<Record<string, readonly [udt: string, nullable: boolean]>>;
      indexes: readonly string[];
      triggers: readonly string[];
    }
  >
> = {
  outbox: {
    columns: {
      id: ['uuid', false],
      seq: ['int8', false],
      aggregate_id: ['text', false],
      type: ['text', false],
      version: ['int4', false],
      payload: ['jsonb', false],
      occurred_at: ['timestamptz', false],
      created_at: ['timestamptz', false],
      published_at: ['timestamptz', true],
      attempts: ['int4', false],
      last_error: ['text', true],
    },
    indexes: ['outbox_pkey', 'outbox_unpublished_seq_idx', 'outbox_published_at_idx'],
    triggers: ['outbox_notify'],
  },
  inbox: {
    columns: {
      event_id: ['uuid', false],
      type: ['text', false],
      processed_at: ['timestamptz', false],
    },
    indexes: ['inbox_pkey', 'inbox_processed_at_idx'],
    triggers: [],
  },
};
