-- Availability reads the bookings of one resource in a window and keeps those that hold their
-- time. With the status carried in the range index, that is an index-only scan: no visit to the
-- table, where each booking of a resource tends to sit on a page of its own among other
-- resources' bookings (~84 page visits for a week of hourly bookings before). The key columns
-- are unchanged, so every lookup the index served it serves alike. A status change already
-- updates an index (bookings_status_idx), so no update loses HOT by this.
DROP INDEX bookings_resource_id_start_time_end_time_idx;
CREATE INDEX bookings_resource_id_start_time_end_time_idx
  ON bookings (resource_id, start_time, end_time) INCLUDE (status);
