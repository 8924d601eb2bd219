-- The business's payment settings (API.md, Business): how customers pay, the cancellation policy,
-- and what a resource's future bookings become when it is put in MAINTENANCE. Existing businesses
-- get the defaults, which are what the platform did before: nothing paid through it, free
-- cancellation until 24 hours before the start, bookings kept.

CREATE TYPE "PaymentMode" AS ENUM ('NONE', 'PREPAY', 'POSTPAY');
CREATE TYPE "MaintenancePolicy" AS ENUM ('CANCEL', 'KEEP');

-- The bounds are the API's, held by the database too.
ALTER TABLE businesses
  ADD COLUMN payment_mode "PaymentMode" NOT NULL DEFAULT 'NONE',
  ADD COLUMN free_cancellation_hours integer NOT NULL DEFAULT 24,
  ADD COLUMN late_refund_percent integer NOT NULL DEFAULT 0,
  ADD COLUMN maintenance_policy "MaintenancePolicy" NOT NULL DEFAULT 'KEEP',
  ADD CONSTRAINT businesses_free_cancellation_hours_range
    CHECK (free_cancellation_hours BETWEEN 0 AND 8760),
  ADD CONSTRAINT businesses_late_refund_percent_range
    CHECK (late_refund_percent BETWEEN 0 AND 100);
