// An entity's history from the audit log, newest first: changes to the entity itself, to the claims
// it is an end of, and the merges that folded it into another entity (their events name the
// survivor; the merge record ties them to this id). Each event comes with the claim it is about,
// when it is about one of this entity's claims.
// $id: entity id; $limit
OPTIONAL MATCH (n:Entity {id: $id})-[r]-(o)
WHERE r.claim_id IS NOT NULL
WITH collect(DISTINCT CASE WHEN r IS NOT NULL THEN
                 {claim_id: r.claim_id, type: type(r), source: startNode(r).id, source_name: startNode(r).name,
                  target: endNode(r).id, target_name: endNode(r).name} END) AS claims
OPTIONAL MATCH (rec:MergeRecord {from_id: $id})
WITH claims, collect(rec {.id, .into_id}) AS merges
CALL (claims, merges) {
  MATCH (e:AuditEvent)
  WHERE e.target IN [$id] + [c IN claims | c.claim_id]
  RETURN e
  UNION
  UNWIND merges AS m
  MATCH (e:AuditEvent {target: m.into_id})
  WHERE e.action = 'entity.merged' AND e.details_json CONTAINS ('"' + m.id + '"')
  RETURN e
}
WITH e, [c IN claims WHERE c.claim_id = e.target][0] AS claim
RETURN e.id AS id, toString(e.at) AS at, e.who AS who, e.action AS action, e.target AS target,
       e.why AS why, e.details_json AS details_json, claim
ORDER BY e.at DESC, e.id
LIMIT $limit
