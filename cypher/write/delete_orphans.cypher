// Delete nodes left with no MENTIONS and no relationships at all; supported nodes are untouched.
// $ids: [node id]
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE NOT (n)--() AND NOT n:Document
DELETE n
RETURN id
