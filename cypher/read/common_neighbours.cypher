// Entities linked directly to both $a and $b (one hop each), with the two links; paged by name.
MATCH (a:Entity {id: $a}), (b:Entity {id: $b})
MATCH (a)-[r1]-(y:Entity)-[r2]-(b)
WHERE y <> a AND y <> b AND /*<relationship_filter r1>*/(/*<link_filter r1>*/(type(r1) IN $types
AND NOT /*<retracted r1>*/(coalesce(r1.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(r1.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(r1.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(r1.date, r1.first_reported) >= left($date_from, size(coalesce(r1.date, r1.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(r1.date, r1.first_reported) <= left($date_to, size(coalesce(r1.date, r1.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(r1.first_reported, r1.published) <= left($as_of, size(coalesce(r1.first_reported, r1.published, '')))))/*</relationship_filter>*/ AND /*<relationship_filter r2>*/(/*<link_filter r2>*/(type(r2) IN $types
AND NOT /*<retracted r2>*/(coalesce(r2.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(r2.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(r2.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(r2.date, r2.first_reported) >= left($date_from, size(coalesce(r2.date, r2.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(r2.date, r2.first_reported) <= left($date_to, size(coalesce(r2.date, r2.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(r2.first_reported, r2.published) <= left($as_of, size(coalesce(r2.first_reported, r2.published, '')))))/*</relationship_filter>*/ AND /*<node_filter y>*/((size($labels) = 0 OR any(l IN labels(y) WHERE l IN $labels)))/*</node_filter>*/
WITH y, collect(r1)[0] AS r1, collect(r2)[0] AS r2
RETURN {labels: labels(y), props: y {.*, text: null}} AS node,
       [r IN [r1, r2] | {id: elementId(r), type: type(r), source: startNode(r).id,
                         target: endNode(r).id, props: properties(r)}] AS rels
ORDER BY y.name, y.id SKIP $skip LIMIT $limit
