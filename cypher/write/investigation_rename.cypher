// Rename an investigation; returns nothing when there is no such investigation.
// $id, $title, $who: strings
MATCH (i:Investigation {id: $id})
SET i.name = $title, i.updated_at = datetime(), i.updated_by = $who
RETURN i.id AS id, i.name AS name, i.head AS head
