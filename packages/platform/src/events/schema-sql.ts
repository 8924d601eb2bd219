/**
 * The tables every service that publishes or consumes events needs. A new service copies
 * `EVENTS_TABLES_SQL` into its first migration (migrations are plain SQL files applied by the
 * platform's runner, so this constant is the source to copy, not something executed at run time).
 * Tests apply it directly.
 */

/** The channel the outbox trigger notifies; NOTIFY is per database, so one name serves all. */
export const OUTBOX_NOTIFY_CHANNEL = 'slotwise_outbox';

export const OUTBOX_TABLE_SQL = `
CREATE TABLE outbox (
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
CREATE INDEX outbox_unpublished_seq_idx ON outbox (seq) WHERE published_at IS NULL;
-- The purge of old published rows.
CREATE INDEX outbox_published_at_idx ON outbox (published_at) WHERE published_at IS NOT NULL;

-- Wakes an idle relay within milliseconds of a commit; polling remains the fallback. Only when no
-- older row is waiting: then the relay is busy and drains these too. Every NOTIFY holds a
-- cluster-wide lock until its transaction's commit is flushed, so one per insert would serialise
-- all commits under load.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox REFERENCING NEW TABLE AS inserted_rows
  FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
`;

export const INBOX_TABLE_SQL = `
CREATE TABLE inbox (
  event_id     uuid        PRIMARY KEY,
  type         text        NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inbox_processed_at_idx ON inbox (processed_at);
`;

/**
 * Both tables as they are now. The services got them in two migrations: their first, and
 * `<timestamp>_outbox_quiet_notify`, which replaced the trigger with the one above.
 */
export const EVENTS_TABLES_SQL = `${OUTBOX_TABLE_SQL}\n${INBOX_TABLE_SQL}`;
