// Dated links of an entity and of what lies in it or under it (LOCATED_IN / PART_OF, up to three
// levels), and of the agreements and events directly tied to those: events, agreements and
// reported facts, oldest first. $id; $limit; filters as in graph/read/readq.py.
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)(()<-[c WHERE type(c) IN ['LOCATED_IN', 'PART_OF'] AND coalesce(c.status, 'reported') <> 'retracted']-()){0,3}(m)
  RETURN DISTINCT m LIMIT 500
}
CALL (m) {
  RETURN m AS s
  UNION
  MATCH (m)-[c WHERE type(c) <> 'MENTIONS' AND coalesce(c.status, 'reported') <> 'retracted']-(s)
  WHERE s:Agreement OR s:Event
  RETURN s
}
WITH DISTINCT s
MATCH (s)-[r]-(y)
WHERE /*<relationship_filter r>*/(/*<link_filter r>*/(type(r) IN $types
AND NOT /*<retracted r>*/(coalesce(r.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(r.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(r.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(r.date, r.first_reported) >= left($date_from, size(coalesce(r.date, r.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(r.date, r.first_reported) <= left($date_to, size(coalesce(r.date, r.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(r.first_reported, r.published) <= left($as_of, size(coalesce(r.first_reported, r.published, '')))))/*</relationship_filter>*/ AND /*<node_filter y>*/((size($labels) = 0 OR any(l IN labels(y) WHERE l IN $labels)))/*</node_filter>*/
WITH DISTINCT r, startNode(r) AS s, endNode(r) AS t
RETURN {id: elementId(r), type: type(r), source: s.id, target: t.id, props: properties(r)} AS rel,
       [x IN [s, t] | {labels: labels(x), props: x {.*, text: null}}] AS nodes
ORDER BY coalesce(r.date, r.first_reported, r.published), r.claim_id
LIMIT $limit
