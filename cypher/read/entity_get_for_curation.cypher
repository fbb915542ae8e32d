// One entity's labels and properties (curation reads it before changing it).
// $id: entity id
MATCH (n:Entity {id: $id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
