// Batched node upsert: MERGE only on the stable id, then labels from the vocabulary and properties.
// Analysts' decisions survive re-ingest: a rename (name_locked) keeps its name, a removed alias
// (removed_aliases) stays removed; a row redirected onto a merge survivor (keep_name) adds its
// name as an alias instead of renaming. Aliases only ever grow here.
// $rows: [{id, labels, name, aliases, properties, keep_name}]
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
  ON CREATE SET n.created_at = datetime(), n.name = row.name
SET n:$(row.labels),
    n += row.properties,
    n.name = CASE WHEN n.name_locked OR row.keep_name THEN n.name ELSE row.name END,
    n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases |
                       CASE WHEN a IN acc OR a = n.name OR a IN coalesce(n.removed_aliases, [])
                            THEN acc ELSE acc + a END),
    n.updated_at = datetime()
