// The key holder's name and role for a key hash, if the key exists and is not revoked.
MATCH (k:ApiKey {hash: $hash})
WHERE k.revoked_at IS NULL
RETURN k.name AS name, k.role AS role
