-- Opening hours and the confirmation window, owned by the business (API.md, Schedules).

-- The opening hours as `{weekly, overrides}` (contracts' schedule.ts), validated by the service
-- before it is written; NULL: open around the clock.
ALTER TABLE businesses ADD COLUMN schedule jsonb;

-- How long a PENDING booking waits for the business to confirm it. Existing businesses get the
-- default; the bounds are the API's, held by the database too.
ALTER TABLE businesses
  ADD COLUMN confirmation_window_minutes integer NOT NULL DEFAULT 1440,
  ADD CONSTRAINT businesses_confirmation_window_range
    CHECK (confirmation_window_minutes BETWEEN 5 AND 10080);
