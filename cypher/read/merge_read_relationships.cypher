// Every relationship of an entity (either direction) with all its properties: what a merge moves
// and what an unmerge restores.
// $id: entity id
MATCH (m:Entity {id: $id})-[r]-(o)
RETURN DISTINCT elementId(r) AS eid, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target,
       properties(r) AS props
