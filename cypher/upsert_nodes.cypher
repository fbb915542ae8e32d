// Batched node upsert: MERGE only on the stable id, then labels from the vocabulary and properties.
// An analyst's rename (name_locked) survives re-ingest; aliases only ever grow here.
// $rows: [{id, labels, name, aliases, properties}]
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
  ON CREATE SET n.created_at = datetime()
SET n:$(row.labels),
    n += row.properties,
    n.name = CASE WHEN n.name_locked THEN n.name ELSE row.name END,
    n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases |
                       CASE WHEN a IN acc THEN acc ELSE acc + a END),
    n.updated_at = datetime()
