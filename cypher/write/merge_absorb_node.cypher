// Finish a merge: the survivor takes the merged entity's name and aliases as aliases, the merged
// entity goes, and a MergeRecord (with the snapshot an unmerge needs) redirects its id for ever
// after. Returns the aliases that were new to the survivor. The survivor's writer fingerprint is
// cleared (the next upsert is applied in full).
// $survivor, $merged, $record: {id, snapshot_json, who, why}
MATCH (s:Entity {id: $survivor})
MATCH (m:Entity {id: $merged})
WITH s, m, [a IN [m.name] + coalesce(m.aliases, [])
            WHERE a IS NOT NULL AND a <> s.name AND NOT a IN coalesce(s.aliases, [])] AS fresh
WITH s, m, reduce(acc = [], a IN fresh | CASE WHEN a IN acc THEN acc ELSE acc + a END) AS fresh
SET s.aliases = coalesce(s.aliases, []) + fresh, s.updated_at = datetime(), s.upsert_fp = null
DETACH DELETE m
MERGE (rec:MergeRecord {id: $record.id})
  ON CREATE SET rec.from_id = $merged, rec.into_id = $survivor, rec.active = true,
                rec.at = datetime(), rec.who = $record.who, rec.why = $record.why,
                rec.snapshot_json = $record.snapshot_json, rec.aliases_added = fresh
RETURN fresh
