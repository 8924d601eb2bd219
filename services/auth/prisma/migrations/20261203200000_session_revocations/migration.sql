-- The revocation feed now also names revoked sessions (a logout cuts that session's access
-- tokens, not only its refresh token): every verifier asks for them every few seconds.
CREATE INDEX refresh_tokens_revoked_at_idx ON refresh_tokens (revoked_at)
  WHERE revoked_at IS NOT NULL;
