// At most one stored key per hash (the key itself is never stored).
CREATE CONSTRAINT api_key_hash IF NOT EXISTS
FOR (k:ApiKey) REQUIRE k.hash IS UNIQUE
