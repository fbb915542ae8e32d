// Batched node upsert: MERGE only on the stable id, then labels from the vocabulary and properties.
// Analysts' decisions survive re-ingest: a rename (name_locked) keeps its name, a removed alias
// (removed_aliases) stays removed; a row redirected onto a merge survivor (keep_name) adds its
// name as an alias instead of renaming. Aliases only ever grow here. Rows are unique per id (merged
// in Python, aliases deduplicated). Reads of n happen inside the SET of the MERGE (values before it).
// upsert_fp records the row applied last; the writer skips rows whose fingerprint is already there
// (node_fingerprints.cypher), and curation clears it.
// $rows: [{id, labels, name, aliases, properties, keep_name, fp}]
// Returns the ids this statement created (one list): no other transaction can have linked to them yet (the
// MERGE holds their lock until commit), so the writer CREATEs their relationships without a MERGE.
CYPHER replan=skip
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
  ON CREATE SET n:$(row.labels), n += row.properties, n.created_at = datetime.statement(), n.updated_at = datetime.statement(),
                n.upsert_fp = row.fp,
                n.name = row.name, n.aliases = [a IN row.aliases WHERE a <> row.name]
  ON MATCH SET n:$(row.labels), n += row.properties, n.updated_at = datetime(), n.upsert_fp = row.fp,
               n.name = CASE WHEN n.name_locked OR row.keep_name THEN n.name ELSE row.name END,
               n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases |
                                  CASE WHEN a IN acc OR a = n.name OR a IN coalesce(n.removed_aliases, [])
                                       THEN acc ELSE acc + a END)
WITH row, n WHERE n.created_at = datetime.statement()
RETURN collect(row.id) AS created
