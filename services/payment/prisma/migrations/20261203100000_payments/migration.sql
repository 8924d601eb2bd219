-- Payments (API.md, Payments): one per booking and kind, their attempts and refunds, the providers'
-- webhook events already applied, and the simulated provider's own record of what it did.

CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED', 'PARTIALLY_REFUNDED');
CREATE TYPE "PaymentKind" AS ENUM ('PREPAY', 'POSTPAY');
CREATE TYPE "PaymentFailureReason" AS ENUM ('DECLINED', 'EXPIRED', 'CANCELLED');
CREATE TYPE "PaymentAttemptOutcome" AS ENUM (
  'CHECKOUT_CREATED', 'SUCCEEDED', 'DECLINED', 'EXPIRED', 'CANCELLED', 'PROVIDER_ERROR'
);
CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

CREATE TABLE payments (
  id                   uuid                   PRIMARY KEY,
  booking_id           uuid                   NOT NULL,
  kind                 "PaymentKind"          NOT NULL,
  user_id              uuid                   NOT NULL,
  business_id          uuid                   NOT NULL,
  vendor_id            uuid                   NOT NULL,
  business_name        varchar(200),
  description          varchar(300),
  amount               numeric(12, 2)         NOT NULL,
  currency             varchar(3)             NOT NULL,
  status               "PaymentStatus"        NOT NULL DEFAULT 'PENDING',
  refunded_amount      numeric(12, 2)         NOT NULL DEFAULT 0,
  provider             varchar(32)            NOT NULL,
  provider_ref         varchar(255)           NOT NULL,
  provider_payment_ref varchar(255),
  checkout_url         varchar(2048)          NOT NULL,
  checkout_attempt     integer                NOT NULL DEFAULT 1,
  failure_reason       "PaymentFailureReason",
  expires_at           timestamptz(3),
  paid_at              timestamptz(3),
  cancelled_at         timestamptz(3),
  version              integer                NOT NULL DEFAULT 1,
  created_at           timestamptz(3)         NOT NULL DEFAULT now(),
  updated_at           timestamptz(3)         NOT NULL,
  -- Money is never more refunded than paid, and the status says how much was: held by the
  -- database too, so no bug or hand-written UPDATE can refund twice.
  CONSTRAINT payments_amount_positive CHECK (amount > 0),
  CONSTRAINT payments_currency_code CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT payments_refund_bounds CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
  CONSTRAINT payments_refund_status CHECK (
    CASE status
      WHEN 'REFUNDED' THEN refunded_amount = amount
      WHEN 'PARTIALLY_REFUNDED' THEN refunded_amount > 0 AND refunded_amount < amount
      ELSE refunded_amount = 0
    END
  ),
  CONSTRAINT payments_paid_at_set CHECK (
    status NOT IN ('SUCCEEDED', 'REFUNDED', 'PARTIALLY_REFUNDED') OR paid_at IS NOT NULL
  ),
  CONSTRAINT payments_failure_reason_set CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL))
);
-- One payment per booking and kind: concurrent creates for one booking meet here.
CREATE UNIQUE INDEX payments_booking_id_kind_key ON payments (booking_id, kind);
-- A webhook names the provider's checkout session; the simulated checkout page does too.
CREATE UNIQUE INDEX payments_provider_provider_ref_key ON payments (provider, provider_ref);
-- The lists: a customer's, a vendor's, everything (ADMIN), newest first.
CREATE INDEX payments_user_id_created_at_idx ON payments (user_id, created_at);
CREATE INDEX payments_vendor_id_created_at_idx ON payments (vendor_id, created_at);
CREATE INDEX payments_created_at_idx ON payments (created_at);
-- The expiry job's read: PENDING payments with a deadline.
CREATE INDEX payments_status_expires_at_idx ON payments (status, expires_at);

CREATE TABLE payment_attempts (
  id         uuid                    PRIMARY KEY,
  payment_id uuid                    NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
  at         timestamptz(3)          NOT NULL DEFAULT now(),
  outcome    "PaymentAttemptOutcome" NOT NULL,
  error      varchar(500)
);
CREATE INDEX payment_attempts_payment_id_at_idx ON payment_attempts (payment_id, at);

CREATE TABLE payment_refunds (
  id           uuid           PRIMARY KEY,
  payment_id   uuid           NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
  amount       numeric(12, 2) NOT NULL,
  reason       varchar(500)   NOT NULL,
  requested_by uuid,
  status       "RefundStatus" NOT NULL DEFAULT 'PENDING',
  provider_ref varchar(255),
  error        varchar(500),
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  updated_at   timestamptz(3) NOT NULL,
  CONSTRAINT payment_refunds_amount_positive CHECK (amount > 0)
);
CREATE INDEX payment_refunds_payment_id_idx ON payment_refunds (payment_id);
CREATE INDEX payment_refunds_status_created_at_idx ON payment_refunds (status, created_at);

-- Webhook events already applied, by the provider's own event id (Stripe's `evt_…` is not a
-- uuid, so the platform's inbox does not fit): written in the transaction of the change.
CREATE TABLE provider_events (
  provider    varchar(32)    NOT NULL,
  event_id    varchar(255)   NOT NULL,
  type        varchar(100)   NOT NULL,
  payment_id  uuid,
  received_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (provider, event_id)
);
CREATE INDEX provider_events_received_at_idx ON provider_events (received_at);

-- The simulated provider's side: what it did, by the idempotency key of the call that did it, so
-- a call repeated after a lost answer does nothing twice (as a real provider's keys guarantee).
CREATE TABLE simulated_provider_ledger (
  idempotency_key varchar(255)   PRIMARY KEY,
  operation       varchar(16)    NOT NULL,
  reference       varchar(64)    NOT NULL,
  payment_id      uuid           NOT NULL,
  amount          numeric(12, 2),
  created_at      timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX simulated_provider_ledger_payment_id_idx ON simulated_provider_ledger (payment_id);
-- The checkout page of a session a retry replaced: which payment it was.
CREATE INDEX simulated_provider_ledger_reference_idx ON simulated_provider_ledger (reference);
