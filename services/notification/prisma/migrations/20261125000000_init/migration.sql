-- The transactional outbox and the consumer inbox (packages/platform/src/events/schema-sql.ts).
-- This service only consumes today, but the infrastructure's relay polls the outbox.

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


-- The read model of auth's users, fed by user.* events.
CREATE TYPE user_role AS ENUM ('CUSTOMER', 'VENDOR', 'ADMIN');
CREATE TYPE user_status AS ENUM ('ACTIVE', 'SUSPENDED', 'PENDING_VERIFICATION', 'DELETED');

CREATE TABLE users (
  id          uuid         PRIMARY KEY,
  email       text         NOT NULL,
  username    text         NOT NULL,
  "firstName" text,
  "lastName"  text,
  role        user_role    NOT NULL,
  status      user_status  NOT NULL,
  version     integer      NOT NULL,
  "createdAt" timestamptz(3) NOT NULL DEFAULT now(),
  "updatedAt" timestamptz(3) NOT NULL
);


-- The delivery log: one row per event that asked for an email. Never the body (it may hold a code).
CREATE TYPE notification_status AS ENUM ('PENDING', 'SENT', 'FAILED');

CREATE TABLE notifications (
  id          uuid                PRIMARY KEY,
  "eventId"   uuid                NOT NULL,
  "eventType" text                NOT NULL,
  "userId"    uuid,
  template    text                NOT NULL,
  recipient   text                NOT NULL,
  status      notification_status NOT NULL DEFAULT 'PENDING',
  attempts    integer             NOT NULL DEFAULT 0,
  "lastError" text,
  "sentAt"    timestamptz(3),
  "createdAt" timestamptz(3)      NOT NULL DEFAULT now(),
  "updatedAt" timestamptz(3)      NOT NULL
);

-- A redelivered event finds its row here instead of sending a second email.
CREATE UNIQUE INDEX "notifications_eventId_key" ON notifications ("eventId");
CREATE INDEX "notifications_userId_idx" ON notifications ("userId");
-- Operators' question: what failed, most recent first.
CREATE INDEX "notifications_status_createdAt_idx" ON notifications (status, "createdAt");
