// What the confidence formula (graph/grading.py) needs for each claim of ONE type ({{type}}, from
// the vocabulary): its distinct supporting documents with publisher, publication date and
// reliability, and the analyst's flags. Claims are found from their ends (index seeks on
// :Entity(id)) and a typed expand, never by scanning relationships.
// $refs: [{source, target, claim_id}]
UNWIND $refs AS ref
MATCH (:Entity {id: ref.source})-[r:{{type}} {claim_id: ref.claim_id}]->(:Entity {id: ref.target})
WITH ref, r, reduce(acc = [], d IN r.evidence_documents | CASE WHEN d IN acc THEN acc ELSE acc + d END) AS ids
CALL (ids) {
  UNWIND ids AS did
  OPTIONAL MATCH (d:Entity {id: did})
  RETURN collect({id: did, publisher: d.publisher, published: toString(d.published),
                  reliability: d.reliability}) AS docs
}
RETURN ref, docs, r.credibility AS credibility, coalesce(r.manual, false) AS manual,
       coalesce(r.retracted, false) AS retracted
