-- `GET /api/businesses?city=` matches any part of the address, as `search` does the name: the
-- same trigram index makes it an index scan instead of reading every business.
CREATE INDEX businesses_address_idx ON businesses USING gin (address gin_trgm_ops) WITH (fastupdate = off);
