// An analyst's note on an entity, a relationship (by claim id) or a document; MERGE on an id made
// before the transaction, so a retried write records it once.
// $id, $kind ('entity' | 'relationship' | 'document'), $target, $text, $who: strings
MERGE (n:Note {id: $id})
  ON CREATE SET n.kind = $kind, n.target = $target, n.text = $text, n.author = $who, n.at = datetime()
RETURN n.id AS id, n.kind AS kind, n.target AS target, n.text AS text, n.author AS author, n.at AS at
