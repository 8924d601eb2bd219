-- bookings_resource_id_idx duplicated the leading column of (resource_id, start_time, end_time)
-- (and of the exclusion constraint's index): every lookup by resource uses those, and every
-- booking paid for maintaining a third.
DROP INDEX IF EXISTS bookings_resource_id_idx;
