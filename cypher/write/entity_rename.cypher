// An analyst's rename: the old name becomes an alias, and re-ingest keeps the new name. The
// writer's fingerprint is cleared: the next upsert of this entity is applied in full.
// $id, $name
MATCH (n:Entity {id: $id})
WITH n, n.name AS old
SET n.name = $name, n.name_locked = true, n.updated_at = datetime(), n.upsert_fp = null,
    n.aliases = [a IN coalesce(n.aliases, []) WHERE a <> $name] +
                CASE WHEN old IS NULL OR old = $name OR old IN coalesce(n.aliases, []) THEN [] ELSE [old] END
RETURN old
