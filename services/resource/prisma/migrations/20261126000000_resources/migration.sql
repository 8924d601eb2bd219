-- Resources, their categories, and the read model of the businesses they belong to.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TYPE resource_type AS ENUM ('HOTEL_ROOM', 'DOCTOR_SLOT', 'SALON_CHAIR', 'DESK', 'OTHER');
CREATE TYPE resource_status AS ENUM ('ACTIVE', 'INACTIVE', 'MAINTENANCE', 'DELETED');
CREATE TYPE price_unit AS ENUM ('PER_BOOKING', 'PER_HOUR', 'PER_DAY', 'PER_NIGHT');
CREATE TYPE business_status AS ENUM ('PENDING', 'ACTIVE', 'INACTIVE', 'SUSPENDED', 'DELETED');

-- Kept from the business service's events (and its lookups, version 0); rows are never deleted, so
-- the foreign keys below hold: a resource cannot exist without its business.
CREATE TABLE businesses (
  id          uuid            PRIMARY KEY,
  owner_id    uuid            NOT NULL,
  name        text            NOT NULL,
  status      business_status NOT NULL,
  is_verified boolean         NOT NULL,
  timezone    text            NOT NULL,
  version     integer         NOT NULL,
  updated_at  timestamptz(3)  NOT NULL DEFAULT now()
);
CREATE INDEX businesses_owner_id_idx ON businesses (owner_id);

CREATE TABLE resource_categories (
  id          uuid           PRIMARY KEY,
  business_id uuid           NOT NULL REFERENCES businesses (id),
  name        text           NOT NULL,
  description text,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL
);
-- One name per business whatever its case. The database decides, so two concurrent requests
-- cannot both pass a check; the violation is answered with 409 CATEGORY_EXISTS.
CREATE UNIQUE INDEX resource_categories_business_id_lower_name_key
  ON resource_categories (business_id, lower(name));

CREATE TABLE resources (
  id          uuid            PRIMARY KEY,
  business_id uuid            NOT NULL REFERENCES businesses (id),
  name        text            NOT NULL,
  type        resource_type   NOT NULL,
  -- RESTRICT: a category is deleted only once no resource refers to it (409 CATEGORY_IN_USE).
  category_id uuid            REFERENCES resource_categories (id),
  description text,
  price       numeric(12, 2)  NOT NULL CONSTRAINT resources_price_check CHECK (price >= 0),
  currency    char(3)         NOT NULL CONSTRAINT resources_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
  price_unit  price_unit      NOT NULL DEFAULT 'PER_BOOKING',
  metadata    jsonb           NOT NULL DEFAULT '{}'
    CONSTRAINT resources_metadata_check CHECK (jsonb_typeof(metadata) = 'object'),
  status      resource_status NOT NULL DEFAULT 'ACTIVE',
  version     integer         NOT NULL DEFAULT 1,
  created_at  timestamptz(3)  NOT NULL DEFAULT now(),
  updated_at  timestamptz(3)  NOT NULL
);
-- One business's resources, newest first (also the index on business_id).
CREATE INDEX resources_business_id_created_at_id_idx
  ON resources (business_id, created_at DESC, id DESC);
-- The public listing: ACTIVE resources newest first, read in index order until the page is full
-- (also the index on status).
CREATE INDEX resources_status_created_at_id_idx ON resources (status, created_at DESC, id DESC);
-- What an ADMIN lists, and a vendor browsing (the public part plus their own): every status but
-- DELETED, newest first. Partial, so SQL only (the schema-drift test skips partial indexes).
CREATE INDEX resources_live_created_at_id_idx ON resources (created_at DESC, id DESC)
  WHERE status <> 'DELETED';
CREATE INDEX resources_type_idx ON resources (type);
CREATE INDEX resources_category_id_idx ON resources (category_id);
-- `search`: name ILIKE '%term%' without a full scan.
CREATE INDEX resources_name_trgm_idx ON resources USING gin (name gin_trgm_ops);
