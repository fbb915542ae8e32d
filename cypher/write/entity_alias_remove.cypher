// Remove an alias by hand; it is remembered so that re-ingest does not bring it back. The writer's
// fingerprint is cleared: the next upsert of this entity is applied in full.
// $id, $alias
MATCH (n:Entity {id: $id})
SET n.aliases = [a IN coalesce(n.aliases, []) WHERE a <> $alias],
    n.removed_aliases = CASE WHEN $alias IN coalesce(n.removed_aliases, [])
                             THEN n.removed_aliases ELSE coalesce(n.removed_aliases, []) + $alias END,
    n.updated_at = datetime(), n.upsert_fp = null
RETURN n.aliases AS aliases
