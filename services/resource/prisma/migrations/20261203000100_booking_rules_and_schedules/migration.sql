-- A resource's booking rules and its own opening hours; the business read model's opening hours
-- and confirmation window (API.md, Resource and Schedules).

-- Only the fields a vendor set: the rest take the defaults when read (resolveBookingRules), so '{}'
-- is "all defaults".
ALTER TABLE resources
  ADD COLUMN booking_rules jsonb NOT NULL DEFAULT '{}'
    CONSTRAINT resources_booking_rules_check CHECK (jsonb_typeof(booking_rules) = 'object');
-- NULL: the resource follows its business's schedule.
ALTER TABLE resources
  ADD COLUMN schedule jsonb
    CONSTRAINT resources_schedule_check CHECK (schedule IS NULL OR jsonb_typeof(schedule) = 'object');

-- NULL: no schedule known (open around the clock). Only `business.schedule_changed` and the
-- business service's answers carry it, so it has its own watermark: the version it was taken at.
-- The other business.* events leave it alone, and a schedule is applied when it is newer than
-- that watermark, even after a later event that did not carry one.
ALTER TABLE businesses
  ADD COLUMN schedule jsonb
    CONSTRAINT businesses_schedule_check CHECK (schedule IS NULL OR jsonb_typeof(schedule) = 'object'),
  ADD COLUMN schedule_version integer NOT NULL DEFAULT 0,
  ADD COLUMN confirmation_window_minutes integer NOT NULL DEFAULT 1440;

