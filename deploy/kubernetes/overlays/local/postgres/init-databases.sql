-- The databases of a local PostgreSQL server (the compose stack's and the local Kubernetes
-- overlay's): one per service, each owned by a role of its own, so that a service can reach its
-- own data only. Run once, by the postgres image's entrypoint, when the data directory is created.
-- The passwords are for a machine of your own; a real server gets its roles from its operator,
-- with secrets to match (docs/OPERATIONS.md).
--
-- The migrations need no superuser: the extensions they create (citext, pg_trgm, btree_gist) are
-- trusted, so each database's owner may create them.
CREATE ROLE slotwise_auth LOGIN PASSWORD 'auth-local-only';
CREATE DATABASE auth_db OWNER slotwise_auth;

CREATE ROLE slotwise_business LOGIN PASSWORD 'business-local-only';
CREATE DATABASE business_db OWNER slotwise_business;

CREATE ROLE slotwise_resource LOGIN PASSWORD 'resource-local-only';
CREATE DATABASE resource_db OWNER slotwise_resource;

CREATE ROLE slotwise_booking LOGIN PASSWORD 'booking-local-only';
CREATE DATABASE booking_db OWNER slotwise_booking;

CREATE ROLE slotwise_notification LOGIN PASSWORD 'notification-local-only';
CREATE DATABASE notification_db OWNER slotwise_notification;

CREATE ROLE slotwise_payment LOGIN PASSWORD 'payment-local-only';
CREATE DATABASE payment_db OWNER slotwise_payment;

-- A database's public schema belongs to pg_database_owner (PostgreSQL 15+): its owner, the
-- service's role, may create tables there; nobody else connects.
REVOKE CONNECT ON DATABASE auth_db, business_db, resource_db, booking_db, notification_db, payment_db FROM PUBLIC;
