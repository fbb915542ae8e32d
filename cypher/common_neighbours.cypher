// Entities linked directly to both $a and $b (one hop each), with the two links; paged by name.
MATCH (a:Entity {id: $a}), (b:Entity {id: $b})
MATCH (a)-[r1]-(y:Entity)-[r2]-(b)
WHERE y <> a AND y <> b AND {{relationship_filter(r1)}} AND {{relationship_filter(r2)}} AND {{node_filter(y)}}
WITH y, collect(r1)[0] AS r1, collect(r2)[0] AS r2
RETURN {labels: labels(y), props: y {.*, text: null}} AS node,
       [r IN [r1, r2] | {id: elementId(r), type: type(r), source: startNode(r).id,
                         target: endNode(r).id, props: properties(r)}] AS rels
ORDER BY y.name, y.id SKIP $skip LIMIT $limit
