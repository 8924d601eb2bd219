-- Bookings, their status history and idempotency keys. No double booking is PostgreSQL's job:
-- the exclusion constraint refuses two holding bookings of one resource whose half-open time
-- ranges overlap, whatever the application does and however many instances race.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TYPE "BookingStatus" AS ENUM ('PENDING', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'NO_SHOW');
CREATE TYPE "PriceUnit" AS ENUM ('PER_BOOKING', 'PER_HOUR', 'PER_DAY', 'PER_NIGHT');

CREATE TABLE bookings (
  id               uuid            PRIMARY KEY,
  user_id          uuid            NOT NULL,
  vendor_id        uuid            NOT NULL,
  business_id      uuid            NOT NULL,
  resource_id      uuid            NOT NULL,
  business_name    text            NOT NULL,
  resource_name    text            NOT NULL,
  resource_type    text            NOT NULL,
  price_at_booking numeric(12, 2)  NOT NULL,
  price_unit       "PriceUnit"     NOT NULL,
  currency         char(3)         NOT NULL,
  total_price      numeric(12, 2)  NOT NULL,
  timezone         text            NOT NULL,
  start_time       timestamptz(3)  NOT NULL,
  end_time         timestamptz(3)  NOT NULL,
  status           "BookingStatus" NOT NULL DEFAULT 'PENDING',
  notes            text,
  cancelled_at     timestamptz(3),
  cancel_reason    text,
  cancelled_by     uuid,
  version          integer         NOT NULL DEFAULT 1,
  created_at       timestamptz(3)  NOT NULL DEFAULT now(),
  updated_at       timestamptz(3)  NOT NULL DEFAULT now(),
  CONSTRAINT bookings_time_order CHECK (end_time > start_time),
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
    resource_id WITH =,
    tstzrange(start_time, end_time, '[)') WITH &&
  ) WHERE (status IN ('PENDING', 'CONFIRMED', 'IN_PROGRESS'))
);
CREATE INDEX bookings_resource_id_start_time_end_time_idx ON bookings (resource_id, start_time, end_time);
CREATE INDEX bookings_user_id_start_time_idx ON bookings (user_id, start_time);
CREATE INDEX bookings_vendor_id_start_time_idx ON bookings (vendor_id, start_time);
CREATE INDEX bookings_business_id_start_time_idx ON bookings (business_id, start_time);
CREATE INDEX bookings_resource_id_idx ON bookings (resource_id);
CREATE INDEX bookings_status_idx ON bookings (status);
CREATE INDEX bookings_start_time_idx ON bookings (start_time);

CREATE TABLE booking_status_history (
  id          uuid            PRIMARY KEY,
  booking_id  uuid            NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
  from_status "BookingStatus",
  to_status   "BookingStatus" NOT NULL,
  changed_by  uuid            NOT NULL,
  reason      text,
  at          timestamptz(3)  NOT NULL DEFAULT now()
);
CREATE INDEX booking_status_history_booking_id_at_idx ON booking_status_history (booking_id, at);

CREATE TABLE idempotency_keys (
  user_id       uuid    NOT NULL,
  key           text    NOT NULL,
  request_hash  text    NOT NULL,
  status_code   integer NOT NULL,
  response_body jsonb   NOT NULL,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
