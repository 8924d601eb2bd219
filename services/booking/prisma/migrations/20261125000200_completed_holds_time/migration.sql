-- API.md: "A CANCELLED or NO_SHOW booking frees its time range; every other status holds it."
-- A COMPLETED booking therefore keeps its range too (a stay completed early does not reopen the
-- rest of it). The change can only make the constraint stricter, and no holding booking can
-- overlap a COMPLETED one already: it held the range while IN_PROGRESS.
ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap;
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
  resource_id WITH =,
  tstzrange(start_time, end_time, '[)') WITH &&
) WHERE (status IN ('PENDING', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED'));
