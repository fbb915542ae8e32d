// Merge redirects in force for the given ids: ingest of a merged-away id lands on its survivor.
// $ids: [node id]
UNWIND $ids AS id
MATCH (m:MergeRecord {from_id: id})
WHERE m.active
RETURN m.from_id AS from_id, m.into_id AS into_id
