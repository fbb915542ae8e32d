// Add an alias by hand (and forget an earlier removal of it). The writer's fingerprint is cleared:
// the next upsert of this entity is applied in full (see upsert_nodes.cypher).
// $id, $alias
MATCH (n:Entity {id: $id})
SET n.aliases = CASE WHEN $alias IN coalesce(n.aliases, []) OR $alias = n.name
                     THEN coalesce(n.aliases, []) ELSE coalesce(n.aliases, []) + $alias END,
    n.removed_aliases = [a IN coalesce(n.removed_aliases, []) WHERE a <> $alias],
    n.updated_at = datetime(), n.upsert_fp = null
RETURN n.aliases AS aliases
