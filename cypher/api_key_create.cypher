// Store an API key's hash and role (the key itself is never stored).
CREATE (:ApiKey {hash: $hash, name: $name, role: $role, created_at: datetime()})
