-- Booking rules, room types and rescheduling (API.md, Booking):
-- * buffer_minutes: the resource's turnover time after the booking, taken with the booking so
--   that the database guarantees it like the overlap itself: the exclusion constraint now covers
--   [start_time, end_time + buffer) of every holding booking. Existing bookings had no buffer: 0.
-- * category_id: the room type it was booked under (or its resource's category); pooled: it was
--   booked as "any free unit of the type", so a reschedule may move it to another unit.
-- * expires_at: when a PENDING booking nobody confirmed is cancelled by the platform.
-- * reschedules: how many times its times changed (a calendar entry's SEQUENCE grows with it).
-- * A status change made by the platform (an expiry) has no user: changed_by may be NULL.
ALTER TABLE bookings
  ADD COLUMN category_id    uuid,
  ADD COLUMN pooled         boolean NOT NULL DEFAULT false,
  ADD COLUMN buffer_minutes integer NOT NULL DEFAULT 0,
  ADD COLUMN expires_at     timestamptz(3),
  ADD COLUMN reschedules    integer NOT NULL DEFAULT 0,
  ADD CONSTRAINT bookings_buffer_range CHECK (buffer_minutes BETWEEN 0 AND 1440);
ALTER TABLE booking_status_history ALTER COLUMN changed_by DROP NOT NULL;

-- timestamptz + interval is only STABLE in general (a day or a month depends on the time zone);
-- adding minutes never does, so this one is IMMUTABLE, as an index expression must be.
CREATE FUNCTION booking_held_until(end_time timestamptz, buffer_minutes integer)
  RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN end_time + make_interval(mins => buffer_minutes);

ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap;
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
  resource_id WITH =,
  tstzrange(start_time, booking_held_until(end_time, buffer_minutes), '[)') WITH &&
) WHERE (status IN ('PENDING', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED'));

-- Availability stays an index-only scan: the buffer is read from the index too.
DROP INDEX bookings_resource_id_start_time_end_time_idx;
CREATE INDEX bookings_resource_id_start_time_end_time_idx
  ON bookings (resource_id, start_time, end_time) INCLUDE (status, buffer_minutes);

-- The expiry job's queue: only PENDING bookings can expire.
CREATE INDEX bookings_expires_at_idx ON bookings (expires_at) WHERE status = 'PENDING';
