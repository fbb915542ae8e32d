// Revoke the keys whose hash starts with $id (the short id `keys list` shows); revoking twice keeps
// the first date. Returns what matched so the caller can insist on exactly one.
MATCH (k:ApiKey)
WHERE k.hash STARTS WITH $id
SET k.revoked_at = coalesce(k.revoked_at, datetime())
RETURN left(k.hash, 12) AS id, k.name AS name, k.role AS role
