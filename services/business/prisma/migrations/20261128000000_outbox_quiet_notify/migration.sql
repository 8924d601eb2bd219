-- The outbox trigger notifies only an idle relay (packages/platform/src/events/schema-sql.ts):
-- a NOTIFY per insert serialises every commit of the database under load.

DROP TRIGGER IF EXISTS outbox_notify ON outbox;
CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM outbox o
     WHERE o.published_at IS NULL AND o.seq < (SELECT min(seq) FROM inserted_rows)
  ) THEN
    PERFORM pg_notify('slotwise_outbox', '');
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox REFERENCING NEW TABLE AS inserted_rows
  FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
