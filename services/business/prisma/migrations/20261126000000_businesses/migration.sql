-- Businesses: one per vendor, verified by an admin, soft-deleted.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TYPE "BusinessType" AS ENUM ('HOTEL', 'CLINIC', 'SALON', 'CO_WORKING', 'OTHER');
CREATE TYPE "BusinessStatus" AS ENUM ('PENDING', 'ACTIVE', 'INACTIVE', 'SUSPENDED', 'DELETED');

CREATE TABLE businesses (
  id          uuid             PRIMARY KEY,
  owner_id    uuid             NOT NULL,
  name        varchar(200)     NOT NULL,
  description varchar(2000),
  type        "BusinessType"   NOT NULL,
  email       varchar(254),
  phone       varchar(32),
  address     varchar(500),
  timezone    varchar(64)      NOT NULL DEFAULT 'UTC',
  status      "BusinessStatus" NOT NULL DEFAULT 'PENDING',
  is_verified boolean          NOT NULL DEFAULT false,
  verified_at timestamptz(3),
  version     integer          NOT NULL DEFAULT 1,
  created_at  timestamptz(3)   NOT NULL DEFAULT now(),
  updated_at  timestamptz(3)   NOT NULL,
  -- The state machine's invariants, held by the database too: a bug or a hand-written UPDATE
  -- cannot make a business live without verification.
  CONSTRAINT businesses_active_is_verified CHECK (status <> 'ACTIVE' OR is_verified),
  CONSTRAINT businesses_verified_at_set CHECK (is_verified = (verified_at IS NOT NULL))
);
-- The one-business-per-vendor rule: concurrent creates race here, not in application code.
CREATE UNIQUE INDEX businesses_owner_id_key ON businesses (owner_id);
CREATE INDEX businesses_type_idx ON businesses (type);
CREATE INDEX businesses_status_idx ON businesses (status);
CREATE INDEX businesses_created_at_idx ON businesses (created_at);
-- The list's name search (ILIKE '%term%'). fastupdate off: businesses are created rarely and
-- searched often, so entries go straight into the index instead of a pending list that every
-- search scans and that makes the planner price the index too high until a vacuum.
CREATE INDEX businesses_name_idx ON businesses USING gin (name gin_trgm_ops) WITH (fastupdate = off);
