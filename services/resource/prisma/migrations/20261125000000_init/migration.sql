-- The transactional outbox and the consumer inbox (packages/platform/src/events/schema-sql.ts).

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

-- Wakes the relay within milliseconds of a commit (NOTIFY is delivered on commit, and identical
-- notifications of one transaction are folded into one); polling remains the fallback.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('slotwise_outbox', '');
  RETURN NULL;
END
$$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
  FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();


CREATE TABLE inbox (
  event_id     uuid        PRIMARY KEY,
  type         text        NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inbox_processed_at_idx ON inbox (processed_at);
