// Bring a merged-away entity back exactly as it was, and take back the aliases it gave.
// $node: {id, labels, props}, $survivor, $aliases, $record_id, $who
MATCH (s:Entity {id: $survivor})
SET s.aliases = [a IN coalesce(s.aliases, []) WHERE NOT a IN $aliases], s.updated_at = datetime()
MERGE (n:Entity {id: $node.id})
SET n = $node.props, n:$($node.labels)
WITH n
MATCH (rec:MergeRecord {id: $record_id})
SET rec.active = false, rec.unmerged_at = datetime(), rec.unmerged_by = $who
