// What the confidence formula (graph/write/grading.py) needs for each claim of ONE type (the type slot, from
// the vocabulary): its distinct supporting documents with publisher, publication date and
// reliability, each evidence entry's status, and the analyst's flags. Claims are found from their ends (index seeks on
// :Entity(id), held by the hints) and a typed expand INTO the pair (from whichever end has fewer of that type, so a
// hub such as a state is never walked), never by scanning relationships.
// $refs: [{source, target, claim_id}]
UNWIND $refs AS ref
MATCH (a:Entity {id: ref.source})-[r:/*type*/PARTY_TO {claim_id: ref.claim_id}]->(b:Entity {id: ref.target})
USING INDEX a:Entity(id) USING INDEX b:Entity(id)
CALL (r) {
  UNWIND coalesce(r.evidence_documents, []) AS did
  WITH DISTINCT did
  OPTIONAL MATCH (d:Entity {id: did})
  RETURN collect({id: did, publisher: d.publisher, published: toString(d.published),
                  reliability: d.reliability}) AS docs
}
RETURN ref, docs, r.credibility AS credibility, coalesce(r.manual, false) AS manual,
       coalesce(r.retracted, false) AS retracted, r.status AS status,
       coalesce(r.status_locked, false) AS status_locked,
       coalesce(r.evidence_statuses, [d IN coalesce(r.evidence_documents, []) | r.status]) AS statuses
