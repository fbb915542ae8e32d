// A merge record by its id, or the active one for a merged-away entity id.
// $id
MATCH (rec:MergeRecord)
WHERE rec.id = $id OR (rec.from_id = $id AND rec.active)
RETURN rec.id AS id, rec.from_id AS from_id, rec.into_id AS into_id, rec.active AS active,
       rec.snapshot_json AS snapshot_json, rec.aliases_added AS aliases_added
ORDER BY rec.at DESC
LIMIT 1
