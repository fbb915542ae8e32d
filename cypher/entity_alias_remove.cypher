// Remove an alias by hand; it is remembered so that re-ingest does not bring it back.
// $id, $alias
MATCH (n:Entity {id: $id})
SET n.aliases = [a IN coalesce(n.aliases, []) WHERE a <> $alias],
    n.removed_aliases = CASE WHEN $alias IN coalesce(n.removed_aliases, [])
                             THEN n.removed_aliases ELSE coalesce(n.removed_aliases, []) + $alias END,
    n.updated_at = datetime()
RETURN n.aliases AS aliases
