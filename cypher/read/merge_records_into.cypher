// The merges in force into an entity (each can be undone): who merged what into it, when and why.
// $id: the surviving entity's id
MATCH (rec:MergeRecord {into_id: $id})
WHERE rec.active
RETURN rec.id AS id, rec.from_id AS merged, toString(rec.at) AS at, rec.who AS who, rec.why AS why
ORDER BY rec.at DESC
