// Bring a merged-away entity back exactly as it was, and take back the aliases it gave. Both
// writer fingerprints are cleared (the next upsert of either is applied in full).
// $node: {id, labels, props}, $survivor, $aliases, $record_id, $who
MATCH (s:Entity {id: $survivor})
SET s.aliases = [a IN coalesce(s.aliases, []) WHERE NOT a IN $aliases], s.updated_at = datetime(),
    s.upsert_fp = null
MERGE (n:Entity {id: $node.id})
SET n = $node.props, n:$($node.labels), n.upsert_fp = null
WITH n
MATCH (rec:MergeRecord {id: $record_id})
SET rec.active = false, rec.unmerged_at = datetime(), rec.unmerged_by = $who
