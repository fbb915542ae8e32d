// Delete a Document node with its MENTIONS; returns what it mentioned (orphan candidates).
// $id: document id
MATCH (d:Entity:Document {id: $id})
OPTIONAL MATCH (d)-[:MENTIONS]->(n)
WITH d, collect(n.id) AS mentioned
DETACH DELETE d
RETURN mentioned
