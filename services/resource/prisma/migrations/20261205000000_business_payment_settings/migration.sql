-- The business read model's payment settings (API.md, Business), carried by every business.* event
-- and handed to booking with the resource snapshot. Rows known before this migration take the
-- defaults, which every business had until the business service offered the settings; its next
-- event brings the real values.

CREATE TYPE payment_mode AS ENUM ('NONE', 'PREPAY', 'POSTPAY');
CREATE TYPE maintenance_policy AS ENUM ('CANCEL', 'KEEP');

ALTER TABLE businesses
  ADD COLUMN payment_mode payment_mode NOT NULL DEFAULT 'NONE',
  ADD COLUMN free_cancellation_hours integer NOT NULL DEFAULT 24,
  ADD COLUMN late_refund_percent integer NOT NULL DEFAULT 0,
  ADD COLUMN maintenance_policy maintenance_policy NOT NULL DEFAULT 'KEEP';
