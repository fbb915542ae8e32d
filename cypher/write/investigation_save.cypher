// Save a chart as the next version of an investigation (made on its first save). Every save is a
// new version: a save from a stale $base is kept beside the newer one, never written over it.
// Writing `locked` first takes the investigation's write lock, so two saves number one after another.
// $id, $title, $who: strings; $base: the version the chart was opened at (0 for new); $state_json: string
MERGE (i:Investigation {id: $id})
  ON CREATE SET i.name = $title, i.created_by = $who, i.created_at = datetime(), i.head = 0
SET i.locked = true
REMOVE i.locked
WITH i, i.head AS head
SET i.head = head + 1, i.updated_at = datetime(), i.updated_by = $who
CREATE (v:InvestigationVersion {investigation: $id, number: head + 1, base: $base, saved_by: $who,
                                saved_at: datetime(), state_json: $state_json})
RETURN i.id AS id, i.name AS name, v.number AS version, head AS previous
