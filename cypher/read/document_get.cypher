// One stored document with every property (including its text) and how many nodes it mentions.
// $id: document id
MATCH (d:Entity:Document {id: $id})
RETURN d {.*} AS document, COUNT { (d)-[:MENTIONS]->() } AS mentions
