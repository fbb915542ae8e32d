// Store an API key's hash and role (the key itself is never stored).
CREATE (:ApiKey {hash: $hash, name: $holder, role: $role, created_at: datetime()})
