// Exercises an actor took part in, itself or through a subordinate body (PART_OF up to three
// levels), or that an agreement it is party to provides for. Paged.
// $id: actor id; filters as in graph/read/readq.py.
MATCH (a:Entity {id: $id})
CALL (a) {
  MATCH p = (a)(()<-[c WHERE type(c) = 'PART_OF' AND /*<relationship_filter c>*/(/*<link_filter c>*/(type(c) IN $types
AND NOT /*<retracted c>*/(coalesce(c.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(c.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(c.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(c.date, c.first_reported) >= left($date_from, size(coalesce(c.date, c.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(c.date, c.first_reported) <= left($date_to, size(coalesce(c.date, c.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(c.first_reported, c.published) <= left($as_of, size(coalesce(c.first_reported, c.published, '')))))/*</relationship_filter>*/]-()){0,3}(:Actor)-[r WHERE type(r) = 'PARTICIPATES_IN' AND /*<relationship_filter r>*/(/*<link_filter r>*/(type(r) IN $types
AND NOT /*<retracted r>*/(coalesce(r.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(r.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(r.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(r.date, r.first_reported) >= left($date_from, size(coalesce(r.date, r.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(r.date, r.first_reported) <= left($date_to, size(coalesce(r.date, r.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(r.first_reported, r.published) <= left($as_of, size(coalesce(r.first_reported, r.published, '')))))/*</relationship_filter>*/]->(:Exercise)
  RETURN p
  UNION
  MATCH p = (a)(()<-[c WHERE type(c) = 'PART_OF' AND /*<relationship_filter c>*/(/*<link_filter c>*/(type(c) IN $types
AND NOT /*<retracted c>*/(coalesce(c.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(c.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(c.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(c.date, c.first_reported) >= left($date_from, size(coalesce(c.date, c.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(c.date, c.first_reported) <= left($date_to, size(coalesce(c.date, c.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(c.first_reported, c.published) <= left($as_of, size(coalesce(c.first_reported, c.published, '')))))/*</relationship_filter>*/]-()){0,3}(:Actor)-[r0 WHERE type(r0) = 'PARTY_TO' AND /*<relationship_filter r0>*/(/*<link_filter r0>*/(type(r0) IN $types
AND NOT /*<retracted r0>*/(coalesce(r0.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(r0.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(r0.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(r0.date, r0.first_reported) >= left($date_from, size(coalesce(r0.date, r0.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(r0.date, r0.first_reported) <= left($date_to, size(coalesce(r0.date, r0.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(r0.first_reported, r0.published) <= left($as_of, size(coalesce(r0.first_reported, r0.published, '')))))/*</relationship_filter>*/]->(:Agreement)
            -[r WHERE type(r) = 'PROVIDES_FOR' AND /*<relationship_filter r>*/(/*<link_filter r>*/(type(r) IN $types
AND NOT /*<retracted r>*/(coalesce(r.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(r.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(r.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(r.date, r.first_reported) >= left($date_from, size(coalesce(r.date, r.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(r.date, r.first_reported) <= left($date_to, size(coalesce(r.date, r.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(r.first_reported, r.published) <= left($as_of, size(coalesce(r.first_reported, r.published, '')))))/*</relationship_filter>*/]->(:Exercise)
  RETURN p
}
WITH p ORDER BY length(p), last(nodes(p)).name SKIP $skip LIMIT $limit
RETURN [n IN nodes(p) | {labels: labels(n), props: n {.*, text: null}}] AS nodes,
       [r IN relationships(p) | {id: elementId(r), type: type(r), source: startNode(r).id,
                                 target: endNode(r).id, props: properties(r)}] AS rels
