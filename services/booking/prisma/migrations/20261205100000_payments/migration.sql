-- Payments (API.md, Booking and Payments):
-- * payment_mode: the business's mode when the booking was made (NONE, PREPAY, POSTPAY).
-- * payment_status: where the booking's money stands, kept from the payment service's events;
--   payment_version: the version of the payment event it was last set from (events may come
--   out of order after a retry: an older one changes nothing).
-- * payment_due_at: while a PREPAY booking awaits payment, when it is released unpaid (its
--   expires_at is then the same instant, so the expiry job releases it).
-- * free_cancellation_hours, late_refund_percent: the business's cancellation policy when the
--   booking was made, which its refund and the customer's reschedule limit follow.
-- * reminder_sent_at: when the reminder before the start went out (sent once).
-- Existing bookings: nothing to pay, the default policy.
CREATE TYPE "PaymentMode" AS ENUM ('NONE', 'PREPAY', 'POSTPAY');
CREATE TYPE "BookingPaymentStatus" AS ENUM
  ('NOT_REQUIRED', 'PENDING', 'PAID', 'FAILED', 'REFUNDED', 'PARTIALLY_REFUNDED');
ALTER TABLE bookings
  ADD COLUMN payment_mode            "PaymentMode" NOT NULL DEFAULT 'NONE',
  ADD COLUMN payment_status          "BookingPaymentStatus" NOT NULL DEFAULT 'NOT_REQUIRED',
  ADD COLUMN payment_version         integer NOT NULL DEFAULT 0,
  ADD COLUMN payment_due_at          timestamptz(3),
  ADD COLUMN free_cancellation_hours integer NOT NULL DEFAULT 24,
  ADD COLUMN late_refund_percent     integer NOT NULL DEFAULT 0,
  ADD COLUMN reminder_sent_at        timestamptz(3),
  ADD CONSTRAINT bookings_cancellation_policy_range
    CHECK (free_cancellation_hours BETWEEN 0 AND 8760 AND late_refund_percent BETWEEN 0 AND 100);

-- The reminder job's read: CONFIRMED bookings starting soon that were not reminded yet.
CREATE INDEX bookings_reminder_due_idx ON bookings (start_time)
  WHERE status = 'CONFIRMED' AND reminder_sent_at IS NULL;
