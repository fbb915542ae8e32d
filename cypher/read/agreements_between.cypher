// Agreements to which every given party is PARTY_TO, itself or through a subordinate body
// (PART_OF up to three levels), with the chains that make each party a party. Paged by name.
// $parties: entity ids (first one anchors the search); $skip, $limit; filters as in graph/read/readq.py.
MATCH (p0:Entity {id: $parties[0]})(()<-[c WHERE type(c) = 'PART_OF' AND /*<relationship_filter c>*/(/*<link_filter c>*/(type(c) IN $types
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
AND ($as_of IS NULL OR coalesce(r0.first_reported, r0.published) <= left($as_of, size(coalesce(r0.first_reported, r0.published, '')))))/*</relationship_filter>*/]->(g:Agreement)
WITH DISTINCT g
WHERE all(pid IN $parties WHERE EXISTS {
  MATCH (:Entity {id: pid})(()<-[c WHERE type(c) = 'PART_OF' AND /*<relationship_filter c>*/(/*<link_filter c>*/(type(c) IN $types
AND NOT /*<retracted c>*/(coalesce(c.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(c.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(c.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(c.date, c.first_reported) >= left($date_from, size(coalesce(c.date, c.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(c.date, c.first_reported) <= left($date_to, size(coalesce(c.date, c.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(c.first_reported, c.published) <= left($as_of, size(coalesce(c.first_reported, c.published, '')))))/*</relationship_filter>*/]-()){0,3}(:Actor)-[r1 WHERE type(r1) = 'PARTY_TO' AND /*<relationship_filter r1>*/(/*<link_filter r1>*/(type(r1) IN $types
AND NOT /*<retracted r1>*/(coalesce(r1.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(r1.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(r1.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(r1.date, r1.first_reported) >= left($date_from, size(coalesce(r1.date, r1.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(r1.date, r1.first_reported) <= left($date_to, size(coalesce(r1.date, r1.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(r1.first_reported, r1.published) <= left($as_of, size(coalesce(r1.first_reported, r1.published, '')))))/*</relationship_filter>*/]->(g)
})
WITH g ORDER BY g.name, g.id SKIP $skip LIMIT $limit
UNWIND $parties AS pid
MATCH p = (:Entity {id: pid})(()<-[c WHERE type(c) = 'PART_OF' AND /*<relationship_filter c>*/(/*<link_filter c>*/(type(c) IN $types
AND NOT /*<retracted c>*/(coalesce(c.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(c.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(c.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(c.date, c.first_reported) >= left($date_from, size(coalesce(c.date, c.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(c.date, c.first_reported) <= left($date_to, size(coalesce(c.date, c.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(c.first_reported, c.published) <= left($as_of, size(coalesce(c.first_reported, c.published, '')))))/*</relationship_filter>*/]-()){0,3}(:Actor)-[r2 WHERE type(r2) = 'PARTY_TO' AND /*<relationship_filter r2>*/(/*<link_filter r2>*/(type(r2) IN $types
AND NOT /*<retracted r2>*/(coalesce(r2.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(r2.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(r2.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(r2.date, r2.first_reported) >= left($date_from, size(coalesce(r2.date, r2.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(r2.date, r2.first_reported) <= left($date_to, size(coalesce(r2.date, r2.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(r2.first_reported, r2.published) <= left($as_of, size(coalesce(r2.first_reported, r2.published, '')))))/*</relationship_filter>*/]->(g)
RETURN [n IN nodes(p) | {labels: labels(n), props: n {.*, text: null}}] AS nodes,
       [r IN relationships(p) | {id: elementId(r), type: type(r), source: startNode(r).id,
                                 target: endNode(r).id, props: properties(r)}] AS rels
