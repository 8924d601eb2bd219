-- Accounts, one-time codes, refresh tokens, 2FA challenges, signing keys and login throttles.
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TYPE "Role" AS ENUM ('CUSTOMER', 'VENDOR', 'ADMIN');
CREATE TYPE "UserStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'PENDING_VERIFICATION', 'DELETED');
CREATE TYPE "OtpPurpose" AS ENUM ('EMAIL_VERIFICATION', 'PASSWORD_RESET', 'TWO_FACTOR_AUTH');

CREATE TABLE users (
  id                 uuid         PRIMARY KEY,
  email              citext       NOT NULL,
  username           citext       NOT NULL,
  password_hash      text         NOT NULL,
  first_name         text,
  last_name          text,
  phone              text,
  role               "Role"       NOT NULL DEFAULT 'CUSTOMER',
  status             "UserStatus" NOT NULL DEFAULT 'PENDING_VERIFICATION',
  is_email_verified  boolean      NOT NULL DEFAULT false,
  two_factor_enabled boolean      NOT NULL DEFAULT false,
  last_login_at      timestamptz(3),
  tokens_valid_after timestamptz(3),
  version            integer      NOT NULL DEFAULT 1,
  created_at         timestamptz(3) NOT NULL DEFAULT now(),
  updated_at         timestamptz(3) NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE UNIQUE INDEX users_username_key ON users (username);
CREATE INDEX users_role_idx ON users (role);
CREATE INDEX users_status_idx ON users (status);
CREATE INDEX users_created_at_idx ON users (created_at);
CREATE INDEX users_tokens_valid_after_idx ON users (tokens_valid_after);

CREATE TABLE otp_tokens (
  id          uuid         PRIMARY KEY,
  user_id     uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose     "OtpPurpose" NOT NULL,
  code_hash   text         NOT NULL,
  expires_at  timestamptz(3) NOT NULL,
  consumed_at timestamptz(3),
  attempts    integer      NOT NULL DEFAULT 0,
  created_at  timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX otp_tokens_user_id_purpose_created_at_idx ON otp_tokens (user_id, purpose, created_at);
CREATE INDEX otp_tokens_expires_at_idx ON otp_tokens (expires_at);

CREATE TABLE refresh_tokens (
  id             uuid PRIMARY KEY,
  user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash     text NOT NULL,
  family_id      uuid NOT NULL,
  replaced_by_id uuid,
  rotated_at     timestamptz(3),
  grace_blob     text,
  revoked_at     timestamptz(3),
  expires_at     timestamptz(3) NOT NULL,
  created_at     timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX refresh_tokens_token_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_user_id_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expires_at_idx ON refresh_tokens (expires_at);

CREATE TABLE two_factor_challenges (
  id          uuid PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at  timestamptz(3) NOT NULL,
  consumed_at timestamptz(3),
  created_at  timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX two_factor_challenges_user_id_idx ON two_factor_challenges (user_id);
CREATE INDEX two_factor_challenges_expires_at_idx ON two_factor_challenges (expires_at);

CREATE TABLE signing_keys (
  kid         text PRIMARY KEY,
  algorithm   text NOT NULL,
  public_jwk  jsonb NOT NULL,
  private_key text NOT NULL,
  active_from timestamptz(3) NOT NULL DEFAULT now(),
  retired_at  timestamptz(3),
  created_at  timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE login_throttles (
  key               text    PRIMARY KEY,
  failures          integer NOT NULL DEFAULT 0,
  window_started_at timestamptz(3) NOT NULL,
  lockouts          integer NOT NULL DEFAULT 0,
  locked_until      timestamptz(3),
  updated_at        timestamptz(3) NOT NULL
);
CREATE INDEX login_throttles_updated_at_idx ON login_throttles (updated_at);
