// Keys whose hash starts with $id (checked before revoking).
MATCH (k:ApiKey)
WHERE k.hash STARTS WITH $id
RETURN left(k.hash, 12) AS id
