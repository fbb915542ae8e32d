// Every API key's short id (hash prefix), holder name, role and dates; never the hash itself.
MATCH (k:ApiKey)
RETURN left(k.hash, 12) AS id, k.name AS name, k.role AS role, toString(k.created_at) AS created_at,
       toString(k.revoked_at) AS revoked_at
ORDER BY k.created_at, id
