// Add an alias by hand (and forget an earlier removal of it).
// $id, $alias
MATCH (n:Entity {id: $id})
SET n.aliases = CASE WHEN $alias IN coalesce(n.aliases, []) OR $alias = n.name
                     THEN coalesce(n.aliases, []) ELSE coalesce(n.aliases, []) + $alias END,
    n.removed_aliases = [a IN coalesce(n.removed_aliases, []) WHERE a <> $alias],
    n.updated_at = datetime()
RETURN n.aliases AS aliases
