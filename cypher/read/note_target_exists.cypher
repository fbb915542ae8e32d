// Whether a note's target exists: an entity or document by id, or a relationship by claim id.
// $kind: 'entity' | 'relationship' | 'document'; $target: string
CALL (*) {
  MATCH (e:Entity {id: $target})
  WHERE $kind = 'entity' AND NOT e:Document OR $kind = 'document' AND e:Document
  RETURN 1 AS found
  UNION
  MATCH ()-[r]->()
  WHERE $kind = 'relationship' AND r.claim_id = $target
  RETURN 1 AS found
}
RETURN count(found) > 0 AS exists
